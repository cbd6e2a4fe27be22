package dev.llmfleet.observability.alert.rule;

import dev.llmfleet.api.error.FleetException;
import java.util.List;

/** An alert rules file that cannot be loaded; every error names its line. */
public class AlertRulesException extends FleetException {

    private final List<String> errors;

    private AlertRulesException(String source, List<String> errors) {
        super(Kind.INVALID, "invalid-alert-rules", source + " is not valid: " + String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public static AlertRulesException of(String source, List<String> errors) {
        return new AlertRulesException(source, errors);
    }

    public List<String> errors() {
        return errors;
    }
}
