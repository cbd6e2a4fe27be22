package dev.llmfleet.observability.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.errorbus.ErrorBusClient;
import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.api.observability.AlertState;
import dev.llmfleet.api.observability.AlertView;
import dev.llmfleet.observability.HubTest;
import dev.llmfleet.observability.MutableClock;
import dev.llmfleet.observability.ObservabilityProperties;
import dev.llmfleet.observability.TestProperties;
import dev.llmfleet.observability.WebhookReceiver;
import dev.llmfleet.observability.alert.AlertEngine;
import dev.llmfleet.observability.alert.AlertHistory;
import dev.llmfleet.observability.alert.Signal;
import dev.llmfleet.observability.fleet.SourceStatuses;
import dev.llmfleet.starter.registry.FleetHttpClients;
import dev.llmfleet.starter.registry.ServiceLocator;
import dev.llmfleet.starter.supervision.LoopSupervisor;
import dev.llmfleet.starter.supervision.SupervisedLoop;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The hub takes the error-bus's events through its durable subscription: a hub restart or a burst
 * neither loses nor repeats a notification. A restarted hub is a fresh subscription (nothing in
 * memory) on the same database.
 */
@HubTest
class DurableSubscriptionTest {

    static final MutableClock clock = HubTest.Setup.CLOCK;
    static final WebhookReceiver receiver = HubTest.Setup.RECEIVER;

    @Autowired
    AlertEngine engine;

    @Autowired
    AlertHistory history;

    @Autowired
    ErrorRates rates;

    @Autowired
    FeedCursor cursor;

    @Autowired
    SourceStatuses sources;

    @Autowired
    ObservabilityProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    StandInErrorBus bus;
    ErrorBusClient client;

    @BeforeEach
    void cleanSlate() {
        jdbc.execute("TRUNCATE alert, alert_group, alert_notification, alert_event, feed_cursor");
        receiver.clear();
        clock.set(Instant.parse("2026-03-01T10:00:00Z"));
        bus = new StandInErrorBus();
        client = HttpServiceProxyFactory.builderFor(
                        RestClientAdapter.create(RestClient.create(bus.uri().toString())))
                .build()
                .createClient(ErrorBusClient.class);
    }

    @AfterEach
    void stopBus() {
        bus.close();
    }

    @Test
    void eventsPublishedWhileTheHubWasDownAreAlertedOnWhenItStartsAgain() {
        bus.publish(List.of(event("job-failed")));
        assertThat(restartedHub().catchUp(client)).isEqualTo(1);
        assertThat(receiver.bodies("/slack")).singleElement().asString().contains("job-failed");

        // the hub is down; a run finishes meanwhile
        bus.publish(List.of(event("run-finished")));

        assertThat(restartedHub().catchUp(client)).isEqualTo(1);
        assertThat(receiver.bodies("/webhook")).singleElement().asString().contains("run-finished");
        assertThat(receiver.bodies("/slack")).hasSize(1);
    }

    @Test
    void aBurstOfManyPagesWhileTheHubWasDownArrivesWhole() {
        bus.publish(List.of(event("job-failed")));
        restartedHub().catchUp(client);

        List<FleetEvent> burst = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            burst.add(event("job-failed"));
        }
        bus.publish(burst);
        int readsBefore = bus.logReads();

        assertThat(restartedHub().catchUp(client)).isEqualTo(1200);
        assertThat(bus.logReads() - readsBefore).isEqualTo(3); // 500, 500, 200: caught up
        assertThat(alert("job-failed").value()).isEqualTo(1201);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alert_event", Long.class))
                .isEqualTo(1201);
        assertThat(receiver.bodies("/slack")).hasSize(1);
        assertThat(restartedHub().catchUp(client)).isZero();
    }

    @Test
    void anEventHandledBeforeACrashThatLostThePositionIsNotNotifiedAgain() {
        FleetEvent failed = event("job-failed");
        bus.publish(List.of(failed));
        // the hub took it and notified, then stopped before it wrote its position
        engine.onEvent(Signal.from(failed));
        assertThat(receiver.bodies("/slack")).hasSize(1);
        clock.advance(Duration.ofMinutes(6));
        engine.evaluate();
        assertThat(receiver.bodies("/slack")).hasSize(2).last().asString().contains("RESOLVED");

        assertThat(restartedHub().catchUp(client)).isEqualTo(1);

        assertThat(alert("job-failed").state()).isEqualTo(AlertState.RESOLVED);
        assertThat(receiver.bodies("/slack")).hasSize(2);
    }

    @Test
    void aHubStoppedBeforeItsPositionIsWrittenTakesThePageAgainAndNotifiesOnce() {
        bus.publish(List.of(event("job-failed"), event("job-failed")));
        FeedCursor stopsHere = new FeedCursor(jdbc) {
            @Override
            void advance(String feed, long position, Instant now) {
                throw new IllegalStateException("the hub stopped before writing its position");
            }
        };

        assertThatThrownBy(() -> new DurableSubscription(engine, rates, stopsHere, clock, properties).catchUp(client))
                .hasMessageContaining("stopped before writing");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alert_event", Long.class))
                .isZero();
        assertThat(receiver.bodies("/slack")).isEmpty();

        assertThat(restartedHub().catchUp(client)).isEqualTo(2);
        assertThat(receiver.bodies("/slack")).hasSize(1);
        assertThat(alert("job-failed").value()).isEqualTo(2);
    }

    @Test
    void aHubThatNeverReadTheBusSkipsOldEventsButALaterStartTakesEverythingAfterItsPosition() {
        Instant twoHoursAgo = clock.instant().minus(Duration.ofHours(2));
        bus.publish(List.of(event("job-failed", twoHoursAgo), event("run-finished", clock.instant())));

        assertThat(restartedHub().catchUp(client)).isEqualTo(2);
        assertThat(receiver.bodies("/slack")).isEmpty();
        assertThat(receiver.bodies("/webhook")).hasSize(1);

        // an event that waited in a reporter's spool for hours still counts once the hub has a position
        bus.publish(List.of(event("job-failed", twoHoursAgo)));
        assertThat(restartedHub().catchUp(client)).isEqualTo(1);
        assertThat(receiver.bodies("/slack")).hasSize(1);
    }

    @Test
    void theFeedAlertsOnALiveEventAtOnceAndAfterARestartTakesWhatWasPublishedWhileItWasStopped() {
        ErrorBusFeed feed = feed();
        feed.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> bus.liveSubscribers() == 1);
        bus.publish(List.of(event("job-failed")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> receiver.bodies("/slack").size() == 1);

        feed.stop();
        bus.dropStreams();
        bus.publish(List.of(event("run-finished")));

        ErrorBusFeed restarted = feed();
        restarted.start();
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> receiver.bodies("/webhook").size() == 1);
            assertThat(receiver.bodies("/slack")).hasSize(1);
        } finally {
            restarted.stop();
        }
    }

    private DurableSubscription restartedHub() {
        return new DurableSubscription(engine, rates, cursor, clock, properties);
    }

    /** A feed of a fresh hub that finds the stand-in as {@code error-bus}. */
    private ErrorBusFeed feed() {
        URI standIn = bus.uri();
        ServiceLocator locator = new ServiceLocator(null, null, null, Duration.ZERO, Clock.systemUTC()) {
            @Override
            public URI resolve(String serviceName) {
                return standIn;
            }

            @Override
            public void invalidate(String serviceName) {}
        };
        FleetHttpClients clients =
                new FleetHttpClients(RestClient.builder(), locator, CircuitBreakerRegistry.ofDefaults());
        ObservabilityProperties settings =
                TestProperties.with(Map.of("fleet.observability.sources.reconnect-delay", "100ms"));
        return new ErrorBusFeed(
                clients,
                restartedHub(),
                sources,
                settings,
                new LoopSupervisor(() -> null, SupervisedLoop.Backoff.DEFAULT, Clock.systemUTC()));
    }

    private AlertView alert(String rule) {
        return history.alerts().stream()
                .filter(a -> a.rule().equals(rule))
                .findFirst()
                .orElseThrow();
    }

    private static FleetEvent event(String code) {
        return event(code, clock.instant());
    }

    private static FleetEvent event(String code, Instant occurredAt) {
        return new FleetEvent(
                UUID.randomUUID().toString(),
                "trainer-service",
                "trainer-1",
                Severity.ERROR,
                code,
                code + " happened",
                List.of(),
                null,
                null,
                occurredAt);
    }
}
