package dev.llmfleet.orchestrator.twin;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.api.orchestrator.Drift;
import dev.llmfleet.orchestrator.decision.DecisionLog;
import dev.llmfleet.starter.errors.ErrorReporter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells the error bus, and the decision log, when a service goes down or a service or host goes
 * missing, once per episode, and again when the episode ends. Episodes live in memory: after a
 * restart of the orchestrator a difference that is still there is reported once more.
 */
@Component
class DriftReports {

    static final String DECISION = "DRIFT";
    private static final String ACTOR = "orchestrator";
    private static final Set<String> REPORTED =
            Set.of(DriftDetector.SERVICE_DOWN, DriftDetector.SERVICE_MISSING, DriftDetector.HOST_MISSING);

    private final DecisionLog decisions;
    private final ObjectProvider<ErrorReporter> errors;
    private final Map<String, Drift> open = new HashMap<>();

    DriftReports(DecisionLog decisions, ObjectProvider<ErrorReporter> errors) {
        this.decisions = decisions;
        this.errors = errors;
    }

    synchronized void report(List<Drift> drift) {
        Map<String, Drift> now = new HashMap<>();
        drift.stream().filter(d -> REPORTED.contains(d.kind())).forEach(d -> now.put(key(d), d));
        now.forEach((key, d) -> {
            if (!open.containsKey(key)) {
                opened(d);
                open.put(key, d);
            }
        });
        open.entrySet().removeIf(entry -> {
            if (now.containsKey(entry.getKey())) {
                return false;
            }
            closed(entry.getValue());
            return true;
        });
    }

    private void opened(Drift d) {
        String message = d.subject() + ": " + d.kind() + " (expected " + d.desired() + ", found " + d.actual() + ")";
        ErrorReporter reporter = errors.getIfAvailable();
        if (reporter != null) {
            reporter.event(Severity.WARNING, "drift-" + code(d.kind()), message);
        }
        decisions.record(
                DECISION,
                d.subject(),
                d.kind() + " detected",
                List.of(message, "since " + d.since(), d.action()),
                ACTOR);
    }

    private void closed(Drift d) {
        String message = d.subject() + ": " + d.kind() + " is over (it began " + d.since() + ")";
        ErrorReporter reporter = errors.getIfAvailable();
        if (reporter != null) {
            reporter.event(Severity.INFO, "drift-cleared", message);
        }
        decisions.record(DECISION, d.subject(), d.kind() + " cleared", List.of(message), ACTOR);
    }

    private static String key(Drift d) {
        return d.kind() + "|" + d.subject();
    }

    private static String code(String kind) {
        return kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
