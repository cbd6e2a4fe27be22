package dev.llmfleet.observability.fleet;

import dev.llmfleet.api.observability.FleetOverview.GpuView;
import dev.llmfleet.api.scheduler.DeviceStatus;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.QueueStatus;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.starter.registry.FleetHttpClients;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the queue and the device inventory from the resource-scheduler (through the registry) and
 * exports them fleet-wide: {@code fleet.observability.queue.depth{priority}} (jobs waiting) and
 * {@code fleet.observability.gpu.*{host,device}}. What trainer and inference report is not read
 * here: they have no API for it yet and show as absent.
 */
@Component
public class FleetCollector {

    static final String SCHEDULER = "resource-scheduler";

    private final SchedulerClient scheduler;
    private final SourceStatuses sources;
    private final Clock clock;
    private final Map<JobPriority, Map<JobState, Long>> queue = new ConcurrentHashMap<>();
    private final MultiGauge gpuMemoryUsed;
    private final MultiGauge gpuMemoryTotal;
    private final MultiGauge gpuUtilization;
    private final MultiGauge gpuTemperature;
    private volatile List<GpuView> devices = List.of();
    private volatile Instant collectedAt;

    FleetCollector(FleetHttpClients clients, SourceStatuses sources, Clock clock, MeterRegistry meters) {
        this.scheduler = clients.client(SCHEDULER, SchedulerClient.class);
        this.sources = sources;
        this.clock = clock;
        for (JobPriority priority : JobPriority.values()) {
            Gauge.builder("fleet.observability.queue.depth", queue, q -> waiting(q.get(priority)))
                    .description("Jobs queued (waiting for a device) per priority")
                    .tag("priority", priority.name().toLowerCase(Locale.ROOT))
                    .register(meters);
        }
        this.gpuMemoryUsed = MultiGauge.builder("fleet.observability.gpu.memory.used")
                .baseUnit("bytes")
                .description("Device memory in use")
                .register(meters);
        this.gpuMemoryTotal = MultiGauge.builder("fleet.observability.gpu.memory.total")
                .baseUnit("bytes")
                .description("Device memory in all")
                .register(meters);
        this.gpuUtilization = MultiGauge.builder("fleet.observability.gpu.utilization")
                .baseUnit("percent")
                .description("Device utilisation")
                .register(meters);
        this.gpuTemperature = MultiGauge.builder("fleet.observability.gpu.temperature")
                .baseUnit("celsius")
                .description("Device temperature")
                .register(meters);
    }

    @Scheduled(
            fixedDelayString = "${fleet.observability.sources.poll-interval:15s}",
            initialDelayString = "${fleet.observability.sources.poll-interval:15s}")
    public void collect() {
        try {
            QueueStatus status = scheduler.queueStatus();
            List<DeviceStatus> inventory = scheduler.devices();
            queue.clear();
            status.counts().forEach((priority, counts) -> queue.put(priority, new EnumMap<>(counts)));
            devices = inventory.stream().map(FleetCollector::view).toList();
            export();
            sources.up(
                    SCHEDULER,
                    "%d devices, %d jobs processing"
                            .formatted(devices.size(), status.processing().size()));
        } catch (RuntimeException e) {
            sources.down(SCHEDULER, e.getMessage());
        }
        sources.down("inference", "inference-service has no status API yet");
        collectedAt = clock.instant();
    }

    public List<GpuView> devices() {
        return devices;
    }

    public Map<String, Map<String, Long>> queue() {
        Map<String, Map<String, Long>> view = new TreeMap<>();
        queue.forEach((priority, counts) -> {
            Map<String, Long> byState = new TreeMap<>();
            counts.forEach((state, n) -> byState.put(state.name(), n));
            view.put(priority.name(), byState);
        });
        return view;
    }

    public Instant collectedAt() {
        return collectedAt;
    }

    private void export() {
        gpuMemoryUsed.register(rows(g -> g.memoryUsedMb() * 1024.0 * 1024.0), true);
        gpuMemoryTotal.register(rows(g -> g.memoryTotalMb() * 1024.0 * 1024.0), true);
        gpuUtilization.register(rows(g -> g.utilizationPercent() == null ? Double.NaN : g.utilizationPercent()), true);
        gpuTemperature.register(rows(g -> g.temperatureC() == null ? Double.NaN : g.temperatureC()), true);
    }

    /** One row per device; two reports of one device must not make two series (Prometheus refuses them). */
    private List<MultiGauge.Row<?>> rows(ToDoubleFunction<GpuView> value) {
        Map<Tags, Double> rows = new java.util.LinkedHashMap<>();
        for (GpuView g : devices) {
            rows.putIfAbsent(
                    Tags.of(
                            "gpu_host",
                            g.host(),
                            "device",
                            String.valueOf(g.index()),
                            "device_uuid",
                            g.uuid(),
                            "device_name",
                            g.name()),
                    value.applyAsDouble(g));
        }
        return rows.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue()))
                .toList();
    }

    private static double waiting(Map<JobState, Long> counts) {
        return counts == null ? 0 : counts.getOrDefault(JobState.QUEUED, 0L);
    }

    private static GpuView view(DeviceStatus d) {
        return new GpuView(
                d.host(),
                d.index(),
                d.uuid(),
                d.name(),
                d.memoryTotalMb(),
                d.memoryTotalMb() - d.memoryFreeMb(),
                d.utilizationPercent(),
                d.temperatureC(),
                d.stale());
    }
}
