package dev.llmfleet.api.scheduler;

import java.time.Instant;
import java.util.UUID;

/**
 * A device in the scheduler's inventory.
 *
 * @param stale the host stopped reporting it; nothing is scheduled on it
 * @param jobId the job leased on it, or null when it is free
 */
public record DeviceStatus(
        String host,
        int index,
        String uuid,
        String name,
        long memoryTotalMb,
        long memoryFreeMb,
        Integer utilizationPercent,
        Integer temperatureC,
        Instant lastReportAt,
        boolean stale,
        UUID jobId) {}
