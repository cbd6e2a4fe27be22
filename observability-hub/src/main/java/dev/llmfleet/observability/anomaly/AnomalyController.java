package dev.llmfleet.observability.anomaly;

import dev.llmfleet.api.observability.Anomaly;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/observability/anomalies")
class AnomalyController {

    private final AnomalyWatch watch;

    AnomalyController(AnomalyWatch watch) {
        this.watch = watch;
    }

    /** The last anomalies flagged, newest first. */
    @GetMapping
    List<Anomaly> anomalies() {
        return watch.recent();
    }
}
