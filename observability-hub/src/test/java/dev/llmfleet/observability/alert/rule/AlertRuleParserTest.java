package dev.llmfleet.observability.alert.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.api.observability.AlertSeverity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRuleParserTest {

    final AlertRuleParser parser = new AlertRuleParser(Duration.ofMinutes(5));

    @Test
    void readsMetricAndEventRulesWithTheirSettings() {
        List<AlertRule> rules = parser.parse("alerts.yaml", """
                rules:
                  - name: hot-gpu
                    metric: fleet_observability_gpu_temperature_celsius
                    match: { host: trainer-1 }
                    condition: gt
                    threshold: 85
                    for: 2m
                    severity: critical
                    labels: { team: ops }
                    channels: [slack, email]
                  - name: job-failures
                    event: job-failed
                    service: resource-scheduler
                    min-severity: error
                    condition: gt
                    threshold: 2
                """);

        assertThat(rules).hasSize(2);
        AlertRule metric = rules.get(0);
        assertThat(metric.metric()).isEqualTo("fleet_observability_gpu_temperature_celsius");
        assertThat(metric.matchLabels()).containsEntry("host", "trainer-1");
        assertThat(metric.condition()).isEqualTo(Condition.GT);
        assertThat(metric.threshold()).isEqualTo(85);
        assertThat(metric.holdFor()).isEqualTo(Duration.ofMinutes(2));
        assertThat(metric.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(metric.channels()).containsExactlyInAnyOrder("console", "slack", "email");
        assertThat(metric.line()).isEqualTo(2);
        AlertRule event = rules.get(1);
        assertThat(event.isEventRule()).isTrue();
        assertThat(event.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(event.matchesEvent("resource-scheduler", "job-failed", Severity.CRITICAL))
                .isTrue();
        assertThat(event.matchesEvent("resource-scheduler", "job-failed", Severity.WARNING))
                .isFalse();
        assertThat(event.matchesEvent("trainer-service", "job-failed", Severity.ERROR))
                .isFalse();
    }

    @Test
    void namesTheLineOfEveryProblem() {
        assertThatThrownBy(() -> parser.parse("alerts.yaml", """
                        rules:
                          - name: a
                            metric: up
                            condition: gte
                            threshold: 1
                          - name: b
                            event: job-failed
                            condition: gt
                            threshold: lots
                            for: soon
                            channels: [pager]
                        """))
                .isInstanceOfSatisfying(
                        AlertRulesException.class,
                        e -> assertThat(e.errors())
                                .containsExactlyInAnyOrder(
                                        "line 4: rule 'a': 'condition' must be one of gt, lt, eq, ne, not 'gte'",
                                        "line 9: rule 'b': 'threshold' must be a number, not 'lots'",
                                        "line 10: rule 'b': 'for' must be a duration like 30s, 5m or 1h, not 'soon'",
                                        "line 11: rule 'b': unknown channel 'pager'; known: console, slack, email, webhook, alertmanager"));
    }

    @Test
    void refusesARuleWithBothOrNeitherOfMetricAndEvent() {
        assertThatThrownBy(() -> parser.parse("alerts.yaml", """
                        rules:
                          - name: both
                            metric: up
                            event: job-failed
                            condition: gt
                            threshold: 0
                          - name: neither
                            condition: gt
                            threshold: 0
                        """))
                .isInstanceOfSatisfying(
                        AlertRulesException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        "line 2: rule 'both': needs exactly one of 'metric' or 'event'",
                                        "line 7: rule 'neither': needs exactly one of 'metric' or 'event'"));
    }

    @Test
    void refusesDuplicateNamesUnknownKeysAndBrokenYaml() {
        assertThatThrownBy(() -> parser.parse("alerts.yaml", """
                        rules:
                          - name: a
                            metric: up
                            condition: gt
                            threshold: 0
                            colour: red
                          - name: a
                            metric: up
                            condition: lt
                            threshold: 1
                        """))
                .isInstanceOfSatisfying(
                        AlertRulesException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        "line 6: rule 'a': unknown key 'colour'", "line 7: rule 'a' is defined twice"));
        assertThatThrownBy(() -> parser.parse("alerts.yaml", "rules:\n  - name: [a\n"))
                .isInstanceOfSatisfying(
                        AlertRulesException.class,
                        e -> assertThat(e.errors()).singleElement().asString().startsWith("line 3: not valid YAML"));
    }

    @Test
    void theShippedDefaultRulesAreValid() throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream(AlertRules.DEFAULT_RULES)) {
            assertThat(parser.parse("default", new String(in.readAllBytes())))
                    .extracting(AlertRule::name)
                    .contains("instance-stale", "run-stalled", "run-finished", "anomaly", "service-errors");
        }
    }
}
