package dev.llmfleet.observability.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.api.observability.AlertState;
import dev.llmfleet.api.observability.AlertView;
import dev.llmfleet.api.observability.NotificationRecord;
import dev.llmfleet.observability.HubTest;
import dev.llmfleet.observability.MutableClock;
import dev.llmfleet.observability.ObservabilityProperties;
import dev.llmfleet.observability.TestProperties;
import dev.llmfleet.observability.TestSamples;
import dev.llmfleet.observability.WebhookReceiver;
import dev.llmfleet.observability.alert.channel.Channels;
import dev.llmfleet.observability.alert.rule.AlertRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@HubTest
class AlertEngineTest {

    static final MutableClock clock = HubTest.Setup.CLOCK;
    static final WebhookReceiver receiver = HubTest.Setup.RECEIVER;
    static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    AlertEngine engine;

    @Autowired
    AlertHistory history;

    @Autowired
    TestSamples samples;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AlertRepository alerts;

    @Autowired
    AlertGroupRepository groups;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    EventLedger ledger;

    @Autowired
    AlertRules rules;

    @Autowired
    Channels channels;

    @Autowired
    ObservabilityProperties properties;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void cleanSlate() {
        jdbc.execute("TRUNCATE alert, alert_group, alert_notification, alert_event");
        samples.clear();
        receiver.clear();
        clock.set(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void aGtRuleWithADurationFiresOnlyAfterTheDurationOncePerGroupWindowAndResolves() {
        samples.set("test_loss", 10);
        engine.evaluate();
        assertThat(alert("high-loss").state()).isEqualTo(AlertState.PENDING);

        clock.advance(Duration.ofSeconds(59));
        engine.evaluate();
        assertThat(alert("high-loss").state()).isEqualTo(AlertState.PENDING);
        assertThat(receiver.bodies("/slack")).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        engine.evaluate();
        assertThat(alert("high-loss").state()).isEqualTo(AlertState.FIRING);
        assertThat(receiver.bodies("/slack")).singleElement().asString().contains("[FIRING] CRITICAL high-loss");
        assertThat(receiver.bodies("/webhook")).hasSize(1);

        // it clears, flaps back and fires again inside the group window: nothing more is sent yet
        clock.advance(Duration.ofSeconds(30));
        samples.set("test_loss", 1);
        engine.evaluate();
        assertThat(alert("high-loss").state()).isEqualTo(AlertState.RESOLVED);
        samples.set("test_loss", 12);
        engine.evaluate();
        clock.advance(Duration.ofMinutes(1));
        engine.evaluate();
        assertThat(alert("high-loss").state()).isEqualTo(AlertState.FIRING);
        assertThat(receiver.bodies("/slack")).hasSize(1);

        // the window opens: one notification for the group
        clock.advance(Duration.ofMinutes(4));
        engine.evaluate();
        assertThat(receiver.bodies("/slack")).hasSize(2);
        engine.evaluate();
        assertThat(receiver.bodies("/slack")).hasSize(2);

        // it clears: the resolved notification goes out when the next window opens
        samples.set("test_loss", 2);
        clock.advance(Duration.ofMinutes(1));
        engine.evaluate();
        assertThat(receiver.bodies("/slack")).hasSize(2);
        clock.advance(Duration.ofMinutes(4));
        engine.evaluate();
        assertThat(receiver.bodies("/slack")).hasSize(3).last().asString().contains("[RESOLVED] CRITICAL high-loss");
        assertThat(alert("high-loss").state()).isEqualTo(AlertState.RESOLVED);
        clock.advance(Duration.ofHours(2));
        engine.evaluate();
        assertThat(receiver.bodies("/slack")).hasSize(3);
    }

    @Test
    void aFiringAlertIsRepeatedAtMostEveryRepeatInterval() {
        samples.set("test_loss", 10);
        engine.evaluate();
        clock.advance(Duration.ofMinutes(1));
        engine.evaluate();
        clock.advance(Duration.ofMinutes(59));
        engine.evaluate();
        assertThat(receiver.bodies("/slack")).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        engine.evaluate();
        engine.evaluate();

        assertThat(receiver.bodies("/slack")).hasSize(2);
    }

    @Test
    void fiveIdenticalEventsMakeOneNotification() {
        for (int i = 0; i < 5; i++) {
            engine.onEvent(jobFailed(UUID.randomUUID().toString()));
            clock.advance(Duration.ofSeconds(2));
        }

        assertThat(receiver.bodies("/slack")).hasSize(1);
        assertThat(alert("job-failed").value()).isEqualTo(5);
        assertThat(history.notifications(10))
                .extracting(NotificationRecord::channel)
                .containsExactlyInAnyOrder("console", "slack");
    }

    @Test
    void anEventDeliveredTwiceIsCountedOnce() {
        engine.onEvent(jobFailed("event-1"));
        engine.onEvent(jobFailed("event-1"));

        assertThat(alert("job-failed").value()).isEqualTo(1);
    }

    @Test
    void anEventRuleResolvesOnceItsWindowHoldsNoEvents() {
        engine.onEvent(jobFailed("event-1"));
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        engine.evaluate();

        assertThat(alert("job-failed").state()).isEqualTo(AlertState.RESOLVED);
        assertThat(receiver.bodies("/slack")).hasSize(2).last().asString().contains("[RESOLVED]");
    }

    @Test
    void theSlackWebhookReceivesTheSlackPayload() {
        engine.onEvent(jobFailed("event-1"));

        JsonNode payload = json.readTree(receiver.bodies("/slack").getFirst());
        assertThat(payload.get("text").asString()).isEqualTo("[FIRING] WARNING job-failed (1 alert)");
        JsonNode attachment = payload.get("attachments").get(0);
        assertThat(attachment.get("color").asString()).isEqualTo("warning");
        assertThat(attachment.get("title").asString()).isEqualTo("job-failed");
        assertThat(attachment.get("text").asString())
                .contains("FIRING job-failed", "code=job-failed", "service=resource-scheduler");
    }

    @Test
    void theEngineRestartedMidAlertNeitherLosesNorRepeatsIt() {
        samples.set("test_loss", 10);
        engine.evaluate();
        clock.advance(Duration.ofMinutes(1));
        engine.evaluate();
        assertThat(receiver.bodies("/slack")).hasSize(1);

        AlertEngine restarted = freshEngine();
        clock.advance(Duration.ofMinutes(10));
        restarted.evaluate();
        assertThat(receiver.bodies("/slack"))
                .as("not repeated after the restart")
                .hasSize(1);
        assertThat(alert("high-loss").state()).isEqualTo(AlertState.FIRING);

        samples.set("test_loss", 1);
        restarted.evaluate();
        assertThat(receiver.bodies("/slack"))
                .as("the resolution is not lost")
                .hasSize(2)
                .last()
                .asString()
                .contains("[RESOLVED]");
    }

    @Test
    void aNotificationDecidedBeforeACrashIsSentOnceAfterTheRestart() {
        engine.onEvent(jobFailed("event-1"));
        receiver.clear();
        jdbc.update(
                "UPDATE alert_notification SET status = 'PENDING', attempts = 0, sent_at = NULL WHERE channel = 'slack'");

        freshEngine().evaluate();
        freshEngine().evaluate();

        assertThat(receiver.bodies("/slack")).hasSize(1);
    }

    @Test
    void aChannelThatFailsIsRetriedUntilItsAttemptsRunOut() {
        engine.onEvent(jobFailed("event-1"));
        jdbc.update(
                "UPDATE alert_notification SET status = 'PENDING', attempts = 0, sent_at = NULL WHERE channel = 'slack'");
        Channels unreachable = new Channels(
                TestProperties.with(
                        Map.of("fleet.observability.channels.slack.webhook-url", "http://127.0.0.1:9/slack")),
                RestClient.builder(),
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class));
        NotificationDispatcher failing =
                new NotificationDispatcher(outbox, unreachable, properties, clock, new SimpleMeterRegistry());
        for (int i = 0; i < properties.alerts().deliveryAttempts(); i++) {
            failing.dispatch();
        }
        assertThat(history.notifications(10))
                .filteredOn(n -> n.channel().equals("slack"))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.status()).isEqualTo("FAILED");
                    assertThat(n.attempts()).isEqualTo(properties.alerts().deliveryAttempts());
                });
    }

    private AlertEngine freshEngine() {
        Notifier notifier = new Notifier(alerts, groups, outbox, channels, properties);
        AlertEvaluator evaluator = new AlertEvaluator(
                alerts, ledger, notifier, transactions, new ActiveAlertGauges(new SimpleMeterRegistry()));
        NotificationDispatcher dispatcher =
                new NotificationDispatcher(outbox, channels, properties, clock, new SimpleMeterRegistry());
        return new AlertEngine(rules, samples, evaluator, ledger, dispatcher, clock);
    }

    private AlertView alert(String rule) {
        List<AlertView> found =
                history.alerts().stream().filter(a -> a.rule().equals(rule)).toList();
        assertThat(found).as("alerts of " + rule).hasSize(1);
        return found.getFirst();
    }

    private Signal jobFailed(String id) {
        return new Signal(
                id, "resource-scheduler", "job-failed", Severity.ERROR, "job 7 failed", Map.of(), clock.instant());
    }
}
