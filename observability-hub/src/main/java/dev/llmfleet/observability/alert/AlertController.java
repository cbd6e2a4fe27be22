package dev.llmfleet.observability.alert;

import dev.llmfleet.api.observability.AlertRulesStatus;
import dev.llmfleet.api.observability.AlertView;
import dev.llmfleet.api.observability.NotificationRecord;
import dev.llmfleet.api.observability.RuleValidation;
import dev.llmfleet.observability.alert.rule.AlertRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/observability/alerts")
class AlertController {

    private final AlertHistory history;
    private final AlertRules rules;

    AlertController(AlertHistory history, AlertRules rules) {
        this.history = history;
        this.rules = rules;
    }

    @GetMapping
    List<AlertView> alerts() {
        return history.alerts();
    }

    @GetMapping("/notifications")
    List<NotificationRecord> notifications(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return history.notifications(limit);
    }

    @GetMapping("/rules")
    AlertRulesStatus rules() {
        return rules.status();
    }

    /** Checks a rules file's text (sent as the body) without loading it; errors name their lines. */
    @PostMapping(
            path = "/rules/validate",
            consumes = {"application/yaml", "text/plain", "application/x-yaml"})
    RuleValidation validate(@RequestBody String yaml) {
        return rules.validate(yaml);
    }

    /** Reads the rules file again now; an invalid file is answered 400 with its errors, the old rules stay. */
    @PostMapping("/rules/reload")
    AlertRulesStatus reload() {
        return rules.reload();
    }
}
