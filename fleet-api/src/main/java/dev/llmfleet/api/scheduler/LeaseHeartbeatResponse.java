package dev.llmfleet.api.scheduler;

import java.time.Instant;
import java.util.UUID;

/** The answer to a lease heartbeat: what to do, and until when the lease holds. */
public record LeaseHeartbeatResponse(UUID leaseId, UUID jobId, LeaseAction action, Instant expiresAt) {}
