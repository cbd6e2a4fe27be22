package dev.llmfleet.inference.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /health}: the process answers (liveness). {@code /ready}: it can serve generations (readiness). */
@RestController
class HealthController {

    private final ModelReadiness readiness;

    HealthController(ModelReadiness readiness) {
        this.readiness = readiness;
    }

    @GetMapping("/health")
    Map<String, String> health() {
        return Map.of("status", "UP");
    }

    @GetMapping("/ready")
    ResponseEntity<Map<String, Object>> ready() {
        ModelReadiness.Verdict verdict = readiness.check();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", verdict.ready() ? "UP" : "DOWN");
        body.put("reason", verdict.reason());
        if (verdict.model() != null) {
            body.put("model", verdict.model().name());
            body.put("version", verdict.model().version());
        }
        return ResponseEntity.status(verdict.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(body);
    }
}
