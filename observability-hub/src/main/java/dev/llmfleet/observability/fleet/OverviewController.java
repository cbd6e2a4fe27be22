package dev.llmfleet.observability.fleet;

import dev.llmfleet.api.observability.FleetOverview;
import dev.llmfleet.observability.health.HealthMonitor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/observability/overview")
class OverviewController {

    private final HealthMonitor health;
    private final FleetCollector fleet;
    private final SourceStatuses sources;

    OverviewController(HealthMonitor health, FleetCollector fleet, SourceStatuses sources) {
        this.health = health;
        this.fleet = fleet;
        this.sources = sources;
    }

    /** Services, hosts, devices and the queue as last collected, and which sources answered. */
    @GetMapping
    FleetOverview overview() {
        return new FleetOverview(
                health.instances(), fleet.devices(), fleet.queue(), sources.all(), fleet.collectedAt());
    }
}
