package dev.llmfleet.observability.alert;

import dev.llmfleet.observability.alert.rule.AlertRule;
import dev.llmfleet.observability.alert.rule.AlertRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The alerting loop: counts events for the event rules, evaluates every rule on a schedule (and at
 * once after a counted event), and sends the notifications that are due. It keeps nothing in
 * memory: alert state, counted events and the notification outbox are in PostgreSQL, so a
 * restarted engine carries on where the last one stopped, without repeating or losing anything.
 */
@Service
public class AlertEngine {

    private static final Duration EVENT_MEMORY = Duration.ofDays(1);

    private final AlertRules rules;
    private final SampleSource samples;
    private final AlertEvaluator evaluator;
    private final EventLedger ledger;
    private final NotificationDispatcher dispatcher;
    private final Clock clock;

    AlertEngine(
            AlertRules rules,
            SampleSource samples,
            AlertEvaluator evaluator,
            EventLedger ledger,
            NotificationDispatcher dispatcher,
            Clock clock) {
        this.rules = rules;
        this.samples = samples;
        this.evaluator = evaluator;
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Counts an event for every event rule it matches (once per event id), then evaluates and sends at once. */
    public void onEvent(Signal signal) {
        if (count(signal, clock.instant())) {
            evaluate();
        }
    }

    /**
     * Counts a batch of events from a durable feed and, in one transaction with the feed's {@code
     * bookkeeping} (its cursor), decides the notifications they owe; sends once that is committed.
     * All of it is stored or none: a feed stopped anywhere in here reads the batch again and neither
     * loses nor repeats a notification (an event id already counted is not counted again).
     */
    public void onEvents(List<Signal> signals, Runnable bookkeeping) {
        List<Sample> current = samples.samples();
        synchronized (this) {
            Instant now = clock.instant();
            evaluator.evaluate(rules.rules(), current, now, () -> {
                signals.forEach(signal -> count(signal, now));
                bookkeeping.run();
            });
        }
        dispatcher.dispatch();
    }

    private boolean count(Signal signal, Instant now) {
        boolean counted = false;
        for (AlertRule rule : rules.rules()) {
            if (rule.matchesEvent(signal.service(), signal.code(), signal.severity())) {
                Map<String, String> labels = new TreeMap<>(signal.labels());
                labels.put("service", signal.service());
                labels.put("code", signal.code());
                counted |=
                        ledger.record(signal.id(), rule.name(), AlertEvaluator.fingerprint(rule, labels), labels, now);
            }
        }
        return counted;
    }

    /** Evaluates every rule now, decides the notifications, and sends what is due. */
    @Scheduled(
            fixedDelayString = "${fleet.observability.alerts.evaluation-interval:1s}",
            initialDelayString = "${fleet.observability.alerts.evaluation-interval:1s}")
    public void evaluate() {
        List<Sample> current = samples.samples();
        synchronized (this) {
            evaluator.evaluate(rules.rules(), current, clock.instant());
        }
        dispatcher.dispatch();
    }

    @Scheduled(fixedDelayString = "PT1H")
    public void forgetOldEvents() {
        ledger.purgeBefore(clock.instant().minus(EVENT_MEMORY));
    }
}
