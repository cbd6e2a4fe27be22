package dev.llmfleet.observability.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmfleet.observability.MutableClock;
import dev.llmfleet.observability.TestProperties;
import dev.llmfleet.observability.alert.rule.AlertRule;
import dev.llmfleet.observability.alert.rule.AlertRules;
import dev.llmfleet.observability.alert.rule.AlertRulesException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRulesReloadTest {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void usesTheShippedRulesUntilTheFileExistsThenReadsItWhenItChanges() throws IOException {
        Path file = dir.resolve("alerts.yaml");
        AlertRules rules = rules(file);
        assertThat(rules.status().source()).isEqualTo("classpath default");

        write(file, rule("first"), 1);
        assertThat(rules.reloadIfChanged()).isTrue();
        assertThat(rules.rules()).extracting(AlertRule::name).containsExactly("first");
        assertThat(rules.reloadIfChanged()).isFalse();

        write(file, rule("second"), 2);
        assertThat(rules.reloadIfChanged()).isTrue();
        assertThat(rules.rules()).extracting(AlertRule::name).containsExactly("second");
    }

    @Test
    void anInvalidFileKeepsThePreviousRulesAndShowsItsErrors() throws IOException {
        Path file = dir.resolve("alerts.yaml");
        write(file, rule("good"), 1);
        AlertRules rules = rules(file);

        write(file, "rules:\n  - name: bad\n    metric: up\n    condition: above\n    threshold: 1\n", 2);
        assertThat(rules.reloadIfChanged()).isFalse();

        assertThat(rules.rules()).extracting(AlertRule::name).containsExactly("good");
        assertThat(rules.status().lastErrors())
                .containsExactly("line 4: rule 'bad': 'condition' must be one of gt, lt, eq, ne, not 'above'");
        assertThatThrownBy(rules::reload).isInstanceOf(AlertRulesException.class);
    }

    private AlertRules rules(Path file) {
        return new AlertRules(
                TestProperties.with(Map.of("fleet.observability.alerts.rules-file", file.toString())),
                clock,
                new SimpleMeterRegistry());
    }

    private static String rule(String name) {
        return "rules:\n  - name: %s\n    metric: up\n    condition: lt\n    threshold: 1\n".formatted(name);
    }

    /** Writes and sets a distinct modification time, so that a change is seen however coarse the file system's clock. */
    private static void write(Path file, String text, int version) throws IOException {
        Files.writeString(file, text);
        Files.setLastModifiedTime(
                file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version)));
    }
}
