package dev.llmfleet.observability.health;

import dev.llmfleet.api.observability.InstanceHealth;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/observability/health")
class HealthController {

    private final HealthMonitor monitor;

    HealthController(HealthMonitor monitor) {
        this.monitor = monitor;
    }

    /** Every registered instance's last health reading, stale ones flagged. */
    @GetMapping("/instances")
    List<InstanceHealth> instances() {
        return monitor.instances();
    }
}
