package dev.llmfleet.scheduler.device;

import dev.llmfleet.api.scheduler.DeviceInfo;
import dev.llmfleet.api.scheduler.DeviceStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A GPU (or a CPU with a memory budget) as its host last reported it. */
@Entity
@Table(name = "device")
class Device {

    @Id
    private String uuid;

    @Column(nullable = false)
    private String host;

    @Column(name = "device_index", nullable = false)
    private int index;

    @Column(nullable = false)
    private String name;

    @Column(name = "memory_total_mb", nullable = false)
    private long memoryTotalMb;

    @Column(name = "memory_free_mb", nullable = false)
    private long memoryFreeMb;

    @Column(name = "utilization_percent")
    private Integer utilizationPercent;

    @Column(name = "temperature_c")
    private Integer temperatureC;

    @Column(name = "last_report_at", nullable = false)
    private Instant lastReportAt;

    protected Device() {}

    Device(String host, DeviceInfo info, Instant now) {
        this.uuid = info.uuid();
        update(host, info, now);
    }

    void update(String reportingHost, DeviceInfo info, Instant now) {
        host = reportingHost;
        index = info.index();
        name = info.name();
        memoryTotalMb = info.memoryTotalMb();
        memoryFreeMb = Math.min(info.memoryFreeMb(), info.memoryTotalMb());
        utilizationPercent = info.utilizationPercent();
        temperatureC = info.temperatureC();
        lastReportAt = now;
    }

    boolean isStale(Duration staleAfter, Instant now) {
        return !lastReportAt.isAfter(now.minus(staleAfter));
    }

    DeviceStatus toStatus(boolean stale, UUID jobId) {
        return new DeviceStatus(
                host,
                index,
                uuid,
                name,
                memoryTotalMb,
                memoryFreeMb,
                utilizationPercent,
                temperatureC,
                lastReportAt,
                stale,
                jobId);
    }

    String uuid() {
        return uuid;
    }

    String host() {
        return host;
    }
}
