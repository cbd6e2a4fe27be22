package dev.llmfleet.observability.events;

import dev.llmfleet.api.errorbus.FleetEvent;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/observability/events")
class RecentEventsController {

    private final ErrorRates rates;

    RecentEventsController(ErrorRates rates) {
        this.rates = rates;
    }

    /** The last events the hub received from the error bus, newest first. */
    @GetMapping("/recent")
    List<FleetEvent> recent() {
        return rates.recent();
    }
}
