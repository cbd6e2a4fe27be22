package dev.llmfleet.observability.anomaly;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.api.observability.AnomalyKind;
import dev.llmfleet.api.observability.FleetOverview.GpuView;
import dev.llmfleet.observability.events.ErrorRates;
import dev.llmfleet.observability.fleet.FleetCollector;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Feeds what the hub collects from the fleet to the anomaly detector: GPU temperature and memory per
 * device, and the error rates from the bus. Loss and throughput come from the run monitor.
 */
@Component
class FleetAnomalyFeed {

    private final FleetCollector fleet;
    private final ErrorRates errors;
    private final AnomalyWatch watch;

    FleetAnomalyFeed(FleetCollector fleet, ErrorRates errors, AnomalyWatch watch) {
        this.fleet = fleet;
        this.errors = errors;
        this.watch = watch;
    }

    @Scheduled(
            fixedDelayString = "${fleet.observability.sources.poll-interval:15s}",
            initialDelayString = "${fleet.observability.sources.poll-interval:15s}")
    void sample() {
        for (GpuView gpu : fleet.devices()) {
            String device = gpu.host() + "/" + gpu.index();
            if (gpu.temperatureC() != null) {
                watch.observe(AnomalyKind.GPU_TEMPERATURE, device, gpu.temperatureC());
            }
            watch.observe(AnomalyKind.GPU_MEMORY, device, gpu.memoryUsedMb());
        }
        for (Severity severity : new Severity[] {Severity.ERROR, Severity.CRITICAL}) {
            watch.observe(
                    AnomalyKind.ERROR_RATE,
                    severity.name().toLowerCase(java.util.Locale.ROOT),
                    errors.perMinute(severity));
        }
    }
}
