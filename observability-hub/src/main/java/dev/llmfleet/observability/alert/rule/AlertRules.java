package dev.llmfleet.observability.alert.rule;

import dev.llmfleet.api.observability.AlertRulesStatus;
import dev.llmfleet.api.observability.RuleValidation;
import dev.llmfleet.observability.ObservabilityProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The alert rules in force: read from the configured file (the rules shipped in the hub while it
 * does not exist), and read again when the file changes. A file that does not validate leaves the
 * previous rules in force and its errors, each naming its line, are logged and shown.
 */
@Service
public class AlertRules {

    static final String DEFAULT_RULES = "observability-hub/alerts-default.yaml";
    private static final Log log = LogFactory.getLog(AlertRules.class);

    private final Path file;
    private final AlertRuleParser parser;
    private final Clock clock;
    private final Counter reloadFailures;
    private volatile Loaded current;
    private volatile List<String> lastErrors = List.of();
    private FileTime seenModified;
    private long seenSize = -1;

    public AlertRules(ObservabilityProperties properties, Clock clock, MeterRegistry meters) {
        this.file = properties.alerts().rulesFile().toAbsolutePath();
        this.parser = new AlertRuleParser(properties.alerts().eventWindow());
        this.clock = clock;
        this.reloadFailures = Counter.builder("fleet.observability.alerts.rules.reload.failures")
                .description("Alert rule files that did not validate; the previous rules stayed in force")
                .register(meters);
        this.current = new Loaded("classpath default", parser.parse(DEFAULT_RULES, defaultRules()), clock.instant());
        reloadIfChanged();
    }

    public List<AlertRule> rules() {
        return current.rules();
    }

    public AlertRulesStatus status() {
        Loaded loaded = current;
        return new AlertRulesStatus(
                loaded.source(),
                loaded.loadedAt(),
                loaded.rules().stream().map(AlertRule::name).toList(),
                lastErrors);
    }

    /** Checks a rules file's text without loading it. */
    public RuleValidation validate(String yaml) {
        try {
            return new RuleValidation(true, parser.parse("alerts.yaml", yaml).size(), List.of());
        } catch (AlertRulesException e) {
            return new RuleValidation(false, 0, e.errors());
        }
    }

    /** Reads the file again if it changed since it was last read; returns whether rules were replaced. */
    @Scheduled(fixedDelayString = "${fleet.observability.alerts.reload-interval:5s}")
    public synchronized boolean reloadIfChanged() {
        try {
            if (!Files.isRegularFile(file)) {
                return false;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (Objects.equals(modified, seenModified) && size == seenSize) {
                return false;
            }
            seenModified = modified;
            seenSize = size;
            return load();
        } catch (IOException e) {
            log.warn("Cannot read the alert rules in " + file + ": " + e.getMessage());
            return false;
        }
    }

    /** Reads the file now, changed or not; throws when it does not validate. */
    public synchronized AlertRulesStatus reload() {
        if (!Files.isRegularFile(file)) {
            throw AlertRulesException.of(file.toString(), List.of("line 1: the file does not exist"));
        }
        try {
            Loaded loaded =
                    new Loaded(file.toString(), parser.parse(file.toString(), Files.readString(file)), clock.instant());
            current = loaded;
            lastErrors = List.of();
            return status();
        } catch (IOException e) {
            throw AlertRulesException.of(file.toString(), List.of("line 1: cannot be read: " + e.getMessage()));
        }
    }

    private boolean load() throws IOException {
        try {
            List<AlertRule> rules = parser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            current = new Loaded(file.toString(), rules, clock.instant());
            lastErrors = List.of();
            log.info("Loaded %d alert rules from %s".formatted(rules.size(), file));
            return true;
        } catch (AlertRulesException e) {
            lastErrors = e.errors();
            reloadFailures.increment();
            log.error("The alert rules in %s were not loaded, the previous %d rules stay in force: %s"
                    .formatted(file, current.rules().size(), String.join("; ", e.errors())));
            return false;
        }
    }

    private static String defaultRules() {
        try (InputStream in = AlertRules.class.getClassLoader().getResourceAsStream(DEFAULT_RULES)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RULES + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + DEFAULT_RULES, e);
        }
    }

    private record Loaded(String source, List<AlertRule> rules, Instant loadedAt) {}
}
