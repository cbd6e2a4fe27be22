package dev.llmfleet.api.scheduler;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A job as the scheduler reports it.
 *
 * @param queuePosition the job's place inside its priority (smaller is served earlier); kept when
 *     the job goes back to the queue, renewed when it is skipped
 * @param attempts how many leases it has had
 * @param leaseId the current lease, while {@code LEASED} or {@code RUNNING}
 * @param pauseRequested a pause was asked for; the worker is told on its next heartbeat
 * @param settings what the job runs with, as its submitter described it (empty when not given)
 */
public record JobResponse(
        UUID id,
        JobKind kind,
        JobPriority priority,
        JobState state,
        long queuePosition,
        String payloadRef,
        String model,
        long requiredVramMb,
        String submittedBy,
        String host,
        String deviceUuid,
        int attempts,
        int maxAttempts,
        UUID leaseId,
        String leasedHost,
        String leasedDevice,
        Instant leaseExpiresAt,
        boolean pauseRequested,
        String checkpointRef,
        Long peakVramMb,
        String lastReason,
        Instant submittedAt,
        Instant updatedAt,
        Map<String, Object> settings) {

    public JobResponse {
        settings = settings == null ? Map.of() : settings;
    }
}
