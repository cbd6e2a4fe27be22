package dev.llmfleet.errorbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.errorbus.DeadLetter;
import dev.llmfleet.api.errorbus.EventPage;
import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.SequencedEvent;
import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.starter.errors.ErrorBusReporterProperties;
import dev.llmfleet.starter.errors.ErrorReporter;
import dev.llmfleet.starter.errors.EventCodec;
import dev.llmfleet.starter.errors.EventDispatcher;
import dev.llmfleet.starter.errors.EventSpool;
import dev.llmfleet.starter.errors.EventTransport;
import dev.llmfleet.testservice.FailingServiceApplication;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/**
 * The error bus's acceptance behaviour, run once per transport: an error-bus and another fleet
 * service (which reports through its starter) in this JVM, on a stream of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BusAcceptanceTest {

    protected final String stream = "T_" + UUID.randomUUID().toString().replace("-", "");
    protected final String subjectPrefix = "t" + stream.substring(2, 14).toLowerCase() + ".errorbus";
    protected ConfigurableApplicationContext errorBus;
    protected ConfigurableApplicationContext failingService;
    private final EventCodec codec = new EventCodec();

    /** The command-line settings that put both applications on this test's bus. */
    protected abstract List<String> busArguments();

    /** The transport name every service in this test must report over. */
    protected abstract String transportName();

    /** Publishes raw bytes on the bus, as a broken or hostile publisher would. */
    protected abstract void publishRaw(String messageId, byte[] payload) throws Exception;

    /** A transport to this test's bus through {@code proxy}, which the test can cut. */
    protected abstract EventTransport transportThrough(TcpProxy proxy) throws Exception;

    @BeforeAll
    void startServices() {
        errorBus = startErrorBus();
        List<String> args = new ArrayList<>(common());
        failingService = new SpringApplicationBuilder(FailingServiceApplication.class).run(args.toArray(String[]::new));
        assertThat(failingService.getBean(EventTransport.class).name()).isEqualTo(transportName());
        assertThat(errorBus.getBean(EventTransport.class).name()).isEqualTo(transportName());
    }

    @AfterAll
    void stopServices() {
        if (failingService != null) {
            failingService.close();
        }
        if (errorBus != null) {
            errorBus.close();
        }
    }

    private ConfigurableApplicationContext startErrorBus() {
        return new SpringApplicationBuilder(ErrorBusApplication.class).run(common().toArray(String[]::new));
    }

    private List<String> common() {
        List<String> args = new ArrayList<>(busArguments());
        args.addAll(List.of(
                "--server.port=0",
                "--fleet.registry.enabled=false",
                "--fleet.security.enabled=false", // these tests are not about security
                "--fleet.errorbus.stream=" + stream,
                "--fleet.errorbus.subject-prefix=" + subjectPrefix,
                "--fleet.errorbus.reporter.retry-max=500ms",
                "--fleet.errorbus.consumer.ack-wait=3s",
                "--fleet.errorbus.consumer.redelivery-delay=100ms",
                "--fleet.errorbus.consumer.max-deliveries=3"));
        return args;
    }

    @Test
    void anErrorRaisedInAnotherServiceIsQueryableAndArrivesOnALiveSubscription() {
        try (SseRecorder live =
                SseRecorder.subscribe(errorBusUri("/api/errorbus/events/stream?service=failing-service"))) {
            HttpStatusCode status = RestClient.create(
                            uri(failingService, "/api/boom").toString())
                    .get()
                    .exchange((request, response) -> response.getStatusCode());
            assertThat(status.value()).isEqualTo(500);

            await().atMost(Duration.ofSeconds(15)).until(() -> !live.events().isEmpty());
            FleetEvent received = live.events().getFirst();
            assertThat(received.service()).isEqualTo("failing-service");
            assertThat(received.severity()).isEqualTo(Severity.ERROR);
            assertThat(received.code()).isEqualTo("internal-error");
            assertThat(received.message()).isEqualTo(FailingServiceApplication.FAILURE);

            EventPage page = errorBusClient()
                    .get()
                    .uri("/api/errorbus/events?service=failing-service&code=internal-error")
                    .retrieve()
                    .body(EventPage.class);
            assertThat(page.events()).extracting(FleetEvent::id).contains(received.id());
            FleetEvent stored = errorBusClient()
                    .get()
                    .uri("/api/errorbus/events/{id}", received.id())
                    .retrieve()
                    .body(FleetEvent.class);
            assertThat(stored.causes())
                    .extracting(c -> c.type())
                    .containsExactly("java.lang.IllegalStateException", "java.io.IOException");
        }
    }

    @Test
    void anEventPublishedThreeTimesWithOneMessageIdIsStoredOnce() {
        EventTransport transport = failingService.getBean(EventTransport.class);
        String code = "published-thrice-" + UUID.randomUUID();
        String markerCode = "after-the-duplicates-" + UUID.randomUUID();
        FleetEvent event = event(code);

        transport.publish(List.of(event));
        await().atMost(Duration.ofSeconds(15)).until(() -> stored(code) == 1);
        transport.publish(List.of(event));
        transport.publish(List.of(event));
        transport.publish(List.of(event(markerCode)));

        await().atMost(Duration.ofSeconds(15)).until(() -> stored(markerCode) == 1);
        assertThat(stored(code)).isEqualTo(1);
    }

    @Test
    void anErrorBusRestartedMidStreamLosesNoAcknowledgedEvent() {
        EventTransport transport = failingService.getBean(EventTransport.class);
        String code = "restart-" + UUID.randomUUID();

        publishAcknowledged(transport, code, 2000);
        await().atMost(Duration.ofSeconds(15)).until(() -> stored(code) > 0);
        errorBus.close(); // while it is consuming the first 2000
        publishAcknowledged(transport, code, 500);
        errorBus = startErrorBus();
        publishAcknowledged(transport, code, 500);

        await().atMost(Duration.ofSeconds(30)).until(() -> stored(code) == 3000);
    }

    @Test
    void theEventLogHandsAReaderEveryEventAfterItsPositionOnceAndInOrder() {
        long start = lastPosition();
        EventTransport transport = failingService.getBean(EventTransport.class);
        String code = "log-" + UUID.randomUUID();
        publishAcknowledged(transport, code, 1200);
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(code) == 1200);

        List<SequencedEvent> read = new ArrayList<>();
        long position = start;
        List<SequencedEvent> page;
        do {
            page = log(position, 500);
            read.addAll(page);
            position = page.isEmpty() ? position : page.getLast().seq();
        } while (page.size() == 500);

        assertThat(read).extracting(SequencedEvent::seq).isSorted().doesNotHaveDuplicates();
        assertThat(read).extracting(e -> e.event().id()).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(1200);
        assertThat(read).filteredOn(e -> e.event().code().equals(code)).hasSize(1200);
        assertThat(log(position, 500)).isEmpty();
    }

    private long lastPosition() {
        long position = 0;
        List<SequencedEvent> page;
        do {
            page = log(position, 500);
            position = page.isEmpty() ? position : page.getLast().seq();
        } while (page.size() == 500);
        return position;
    }

    private List<SequencedEvent> log(long after, int limit) {
        return errorBusClient()
                .get()
                .uri("/api/errorbus/events/log?after={after}&limit={limit}", after, limit)
                .retrieve()
                .body(new ParameterizedTypeReference<List<SequencedEvent>>() {});
    }

    /** Publishes {@code count} events; {@code publish} returns only once the bus acknowledged them. */
    private void publishAcknowledged(EventTransport transport, String code, int count) {
        for (int i = 0; i < count; i += 100) {
            List<FleetEvent> batch = new ArrayList<>();
            for (int j = 0; j < Math.min(100, count - i); j++) {
                batch.add(event(code));
            }
            transport.publish(batch);
        }
    }

    @Test
    void aPoisonMessageLandsInTheDeadLetters() throws Exception {
        String unparseable = "poison-" + UUID.randomUUID();
        String invalid = "invalid-" + UUID.randomUUID();
        publishRaw(unparseable, "{not json".getBytes(StandardCharsets.UTF_8));
        FleetEvent blankCode = new FleetEvent(
                invalid, "failing-service", "x", Severity.ERROR, " ", "m", List.of(), null, null, Instant.now());
        publishRaw(invalid, codec.encode(blankCode));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(deadLetters())
                        .extracting(DeadLetter::messageId)
                        .contains(unparseable, invalid));
        List<DeadLetter> letters = deadLetters();
        assertThat(letters)
                .filteredOn(d -> d.messageId().equals(unparseable))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.reason()).startsWith("unparseable");
                    assertThat(d.payload()).isEqualTo("{not json");
                });
        assertThat(letters)
                .filteredOn(d -> d.messageId().equals(invalid))
                .singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("invalid").contains("code"));
    }

    @Test
    void aReporterBuffersWhileTheBusIsDownAndDeliversLater() throws Exception {
        Path spoolDir = Files.createTempDirectory("spool");
        try (TcpProxy proxy = TcpProxy.to(busPort())) {
            EventTransport transport = transportThrough(proxy);
            ErrorBusReporterProperties.Reporter settings = new ErrorBusReporterProperties.Reporter(
                    true, 1000, 100, spoolDir, 1 << 20, Duration.ofMillis(50), Duration.ofMillis(300));
            EventDispatcher dispatcher = new EventDispatcher(
                    transport,
                    EventSpool.open(spoolDir, settings.spoolMaxBytes(), codec),
                    settings,
                    new SimpleMeterRegistry(),
                    "test-dispatcher");
            dispatcher.start();
            try {
                ErrorReporter reporter =
                        new ErrorReporter("cut-off-service", () -> "cut-off-1", dispatcher, Clock.systemUTC());
                String code = "while-down-" + UUID.randomUUID();
                for (int i = 0; i < 50; i++) {
                    reporter.event(Severity.WARNING, code, "event " + i);
                }

                await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.spooled() == 50);
                assertThat(stored(code)).isZero();

                proxy.up();
                await().atMost(Duration.ofSeconds(20)).until(() -> stored(code) == 50);
                // The bus stores an event before the dispatcher hears its acknowledgement and clears the spool.
                await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.pending() == 0);
                assertThat(dispatcher.dropped()).isZero();
            } finally {
                dispatcher.close();
            }
        }
    }

    @Test
    void eventsHeldAgainstAClientReachTheClientFeed() {
        ErrorReporter reporter = failingService.getBean(ErrorReporter.class);
        try (SseRecorder feed = SseRecorder.subscribe(errorBusUri("/api/errorbus/events/stream?clientOnly=true"))) {
            reporter.event(Severity.WARNING, "no-client", "not held against anyone");
            FleetEvent sent = reporter.clientError("client-42", "token-rejected", "expired token");

            await().atMost(Duration.ofSeconds(15)).until(() -> !feed.events().isEmpty());
            assertThat(feed.events().getFirst().id()).isEqualTo(sent.id());
            assertThat(feed.events()).allSatisfy(e -> assertThat(e.clientId()).isNotNull());
        }
    }

    protected abstract int busPort();

    protected FleetEvent event(String code) {
        return new FleetEvent(
                UUID.randomUUID().toString(),
                "failing-service",
                "failing-service@test",
                Severity.ERROR,
                code,
                "message of " + code,
                List.of(),
                null,
                null,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    protected long stored(String code) {
        return errorBusClient()
                .get()
                .uri("/api/errorbus/events?code={code}&size=1", code)
                .retrieve()
                .body(EventPage.class)
                .totalElements();
    }

    private List<DeadLetter> deadLetters() {
        return errorBusClient()
                .get()
                .uri("/api/errorbus/dead-letters?limit=1000")
                .retrieve()
                .body(new ParameterizedTypeReference<List<DeadLetter>>() {});
    }

    protected RestClient errorBusClient() {
        return RestClient.create(uri(errorBus, "").toString());
    }

    private URI errorBusUri(String path) {
        return uri(errorBus, path);
    }

    private static URI uri(ConfigurableApplicationContext context, String path) {
        return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path);
    }
}
