package dev.llmfleet.api.scheduler;

import java.time.Instant;
import java.util.UUID;

/**
 * A job handed to a host's device. The worker must heartbeat it before {@code expiresAt}, at least
 * every {@code heartbeatIntervalMs}; an unrenewed lease expires and the job goes back to the queue.
 */
public record Lease(
        UUID leaseId,
        UUID jobId,
        String host,
        String deviceUuid,
        int attempt,
        Instant expiresAt,
        long heartbeatIntervalMs,
        JobResponse job) {}
