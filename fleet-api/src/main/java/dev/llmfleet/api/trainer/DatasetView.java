package dev.llmfleet.api.trainer;

import dev.llmfleet.api.scheduler.JobPriority;
import java.time.Instant;
import java.util.UUID;

/**
 * An accepted dataset, stored once by the SHA-256 of its content.
 *
 * @param skill the curriculum skill it teaches, for skill specs; null otherwise
 * @param source where it came from ({@code inbox}, {@code inbox/priority}, {@code upload})
 * @param jobId its training job on the scheduler, once submitted
 * @param requiredVramMb the memory its job asked the scheduler for, once submitted
 * @param run the settings its training runs with, every field filled in
 */
public record DatasetView(
        String sha256,
        String name,
        String spec,
        String skill,
        JobPriority priority,
        DatasetStatus status,
        long lines,
        long examples,
        long tokens,
        String source,
        UUID jobId,
        Long requiredVramMb,
        String lastReason,
        Instant receivedAt,
        Instant updatedAt,
        RunSettings run) {}
