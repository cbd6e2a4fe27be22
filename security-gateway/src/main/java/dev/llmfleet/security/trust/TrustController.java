package dev.llmfleet.security.trust;

import dev.llmfleet.api.security.TrustReport;
import dev.llmfleet.api.security.TrustScoreResponse;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/security")
class TrustController {

    private final TrustService trust;

    TrustController(TrustService trust) {
        this.trust = trust;
    }

    @GetMapping("/clients/{clientId}/trust")
    TrustScoreResponse view(@PathVariable String clientId) {
        return trust.view(clientId);
    }

    @PostMapping("/clients/{clientId}/trust/reset")
    TrustScoreResponse reset(@PathVariable String clientId) {
        return trust.reset(clientId);
    }

    @PostMapping("/trust/reports")
    TrustScoreResponse report(@Valid @RequestBody TrustReport report) {
        return trust.report(report);
    }
}
