package dev.llmfleet.observability.alert;

import dev.llmfleet.api.observability.AlertState;
import dev.llmfleet.observability.alert.rule.AlertRule;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** One evaluation, in one transaction: every alert's state moves, and the notifications it owes are decided. */
@Component
class AlertEvaluator {

    private final AlertRepository alerts;
    private final EventLedger ledger;
    private final Notifier notifier;
    private final TransactionTemplate transactions;
    private final ActiveAlertGauges gauges;

    AlertEvaluator(
            AlertRepository alerts,
            EventLedger ledger,
            Notifier notifier,
            TransactionTemplate transactions,
            ActiveAlertGauges gauges) {
        this.gauges = gauges;
        this.alerts = alerts;
        this.ledger = ledger;
        this.notifier = notifier;
        this.transactions = transactions;
    }

    void evaluate(List<AlertRule> rules, List<Sample> samples, Instant now) {
        evaluate(rules, samples, now, () -> {});
    }

    /** Runs {@code first} (counting events, moving a feed's cursor) in the evaluation's transaction. */
    void evaluate(List<AlertRule> rules, List<Sample> samples, Instant now, Runnable first) {
        transactions.executeWithoutResult(status -> {
            first.run();
            evaluateInTransaction(rules, samples, now);
        });
    }

    private void evaluateInTransaction(List<AlertRule> rules, List<Sample> samples, Instant now) {
        Map<String, Alert> active = alerts.findByStateIn(List.of(AlertState.PENDING, AlertState.FIRING)).stream()
                .collect(Collectors.toMap(Alert::fingerprint, a -> a));
        for (AlertRule rule : rules) {
            for (Observation seen : observe(rule, samples, now)) {
                if (rule.condition().holds(seen.value(), rule.threshold())) {
                    Alert alert = active.remove(seen.fingerprint());
                    if (alert == null) {
                        alert = alerts.findById(seen.fingerprint())
                                .orElseGet(() -> new Alert(
                                        seen.fingerprint(),
                                        rule.name(),
                                        seen.fingerprint(),
                                        seen.labels(),
                                        now,
                                        seen.value()));
                    }
                    alert.describe(rule.severity(), rule.summary(), rule.channels());
                    alert.holds(now, seen.value(), rule.holdFor());
                    alerts.save(alert);
                }
            }
        }
        // whatever is still active had no observation holding its condition, or lost its rule
        active.values().forEach(alert -> alert.clear(now));
        notifier.plan(now);
        gauges.update(alerts.findByStateIn(List.of(AlertState.FIRING)));
    }

    private List<Observation> observe(AlertRule rule, List<Sample> samples, Instant now) {
        if (rule.isEventRule()) {
            return ledger.countsSince(rule.name(), now.minus(rule.window())).entrySet().stream()
                    .map(e -> new Observation(
                            e.getKey(), e.getValue().labels(), e.getValue().count()))
                    .toList();
        }
        return samples.stream()
                .filter(sample -> rule.matchesSeries(sample.name(), sample.labels()))
                .map(sample -> {
                    Map<String, String> labels = new TreeMap<>(sample.labels());
                    labels.putAll(rule.labels());
                    return new Observation(fingerprint(rule, labels), labels, sample.value());
                })
                .toList();
    }

    /**
     * The rule and all the alert's labels: identical alerts (from repeated events, or the same
     * series evaluated again) share it, and with it one alert and one group window.
     */
    static String fingerprint(AlertRule rule, Map<String, String> labels) {
        Map<String, String> all = new HashMap<>(labels);
        all.putAll(rule.labels());
        return rule.name() + LabelsConverter.write(all);
    }

    private record Observation(String fingerprint, Map<String, String> labels, double value) {}
}
