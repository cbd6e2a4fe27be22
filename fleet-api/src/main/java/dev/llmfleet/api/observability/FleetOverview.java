package dev.llmfleet.api.observability;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the dashboard's overview shows, as the hub last collected it.
 *
 * @param instances every registered instance's health
 * @param devices the devices the scheduler inventories, per host
 * @param queue jobs per priority and state
 * @param sources for each source the hub reads (scheduler, error-bus, trainer, inference), whether
 *     it answered at the last collection; a source that does not exist yet is absent, never faked
 * @param collectedAt when the sources were last read
 */
public record FleetOverview(
        List<InstanceHealth> instances,
        List<GpuView> devices,
        Map<String, Map<String, Long>> queue,
        Map<String, SourceStatus> sources,
        Instant collectedAt) {

    /** One device of one host. */
    public record GpuView(
            String host,
            int index,
            String uuid,
            String name,
            long memoryTotalMb,
            long memoryUsedMb,
            Integer utilizationPercent,
            Integer temperatureC,
            boolean stale) {}

    /**
     * @param available the source answered at the last collection
     * @param detail why not, or what it gave
     */
    public record SourceStatus(boolean available, String detail, Instant checkedAt) {}
}
