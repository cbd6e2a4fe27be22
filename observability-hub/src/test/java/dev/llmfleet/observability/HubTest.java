package dev.llmfleet.observability;

import dev.llmfleet.observability.alert.SampleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The hub on real PostgreSQL with a hand-moved clock, no background loops (tests call them), its
 * own rules file, and Slack and the generic webhook pointed at a local receiver. Tests that share
 * it share one application context.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(
        classes = {ObservabilityHubApplication.class, HubTest.Setup.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "fleet.registry.enabled=false",
            "fleet.security.enabled=false",
            "fleet.errorbus.reporter.enabled=false",
            "fleet.observability.sources.error-bus-feed=false",
            "fleet.observability.alerts.evaluation-interval=1h",
            "fleet.observability.alerts.reload-interval=1h",
            "fleet.observability.alerts.group-window=5m",
            "fleet.observability.alerts.repeat-interval=1h",
            "fleet.observability.health.poll-interval=1h",
            "fleet.observability.sources.poll-interval=1h",
            "fleet.observability.runs.check-interval=1h",
            "fleet.observability.runs.stall-after=30m",
            "spring.main.banner-mode=off"
        })
public @interface HubTest {

    String RULES = """
            rules:
              - name: high-loss
                metric: test_loss
                condition: gt
                threshold: 5
                for: 1m
                severity: critical
                channels: [slack, webhook]
              - name: job-failed
                event: job-failed
                condition: gt
                threshold: 0
                window: 5m
                channels: [slack]
              - name: run-stalled
                metric: fleet_observability_run_stalled
                condition: gt
                threshold: 0
                severity: critical
                channels: [webhook]
              - name: run-finished
                event: run-finished
                condition: gt
                threshold: 0
                severity: info
                channels: [webhook]
            """;

    @TestConfiguration
    class Setup {

        public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        public static final WebhookReceiver RECEIVER = new WebhookReceiver();
        public static final Path DIR = tempDir();

        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }

        @Bean
        @Primary
        TestSamples testSamples(@Qualifier("meterSampleSource") SampleSource meters) {
            return new TestSamples(meters);
        }

        @Bean
        static DynamicPropertyRegistrar hubTestProperties() {
            return registry -> {
                registry.add("fleet.data-dir", () -> DIR.resolve("data").toString());
                registry.add(
                        "fleet.observability.alerts.rules-file",
                        () -> DIR.resolve("alerts.yaml").toString());
                registry.add(
                        "fleet.observability.runs.archive-dir",
                        () -> DIR.resolve("archive").toString());
                registry.add("fleet.observability.channels.slack.webhook-url", () -> RECEIVER.url("/slack"));
                registry.add("fleet.observability.channels.webhook.url", () -> RECEIVER.url("/webhook"));
            };
        }

        private static Path tempDir() {
            try {
                Path dir = Files.createTempDirectory("hub-test");
                Files.writeString(dir.resolve("alerts.yaml"), RULES);
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
