package dev.llmfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.llmfleet.api.errorbus.EventPage;
import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.api.observability.AlertView;
import dev.llmfleet.errorbus.ErrorBusApplication;
import dev.llmfleet.observability.ObservabilityHubApplication;
import dev.llmfleet.orchestrator.CoreOrchestratorApplication;
import dev.llmfleet.starter.errors.ErrorReporter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * The hub restarted while the fleet goes on: the events the error-bus stored meanwhile (more than a
 * page of its log) are all alerted on when the hub is back, and what it had notified before is not
 * notified again. Real registry, error-bus (PostgreSQL transport) and hub in this JVM, on one database.
 */
class HubRestartEndToEndTest {

    @TempDir
    Path dir;

    private final List<String> notifications = new CopyOnWriteArrayList<>();

    @Test
    void eventsStoredWhileTheHubWasDownAreAlertedOnceItIsBackAndNothingIsNotifiedTwice() throws IOException {
        HttpServer webhook = webhook();
        String[] args = args();
        try (AllInOneFleet fleet =
                AllInOneFleet.start(List.of(CoreOrchestratorApplication.class, ErrorBusApplication.class), args)) {
            ErrorReporter reporter = fleet.context("error-bus").getBean(ErrorReporter.class);
            RestClient errorBus = RestClient.create(fleet.baseUrl("error-bus"));
            String[] hubArgs = hubArgs(args, fleet.baseUrl("core-orchestrator"), webhook);

            ConfigurableApplicationContext hub = startHub(hubArgs);
            reporter.event(Severity.ERROR, "job-failed", "a job failed while the hub watched");
            await().atMost(Duration.ofSeconds(60)).until(() -> firing("job-failed") == 1);
            hub.close();

            for (int i = 0; i < 700; i++) {
                reporter.event(Severity.ERROR, "while-down", "event " + i + " while the hub was down");
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> stored(errorBus, "while-down") == 700);

            hub = startHub(hubArgs);
            try {
                RestClient alerts = RestClient.create(
                        "http://localhost:" + hub.getEnvironment().getProperty("local.server.port"));
                await().atMost(Duration.ofSeconds(60)).until(() -> value(alerts, "while-down") == 700);
                await().atMost(Duration.ofSeconds(10)).until(() -> firing("while-down") == 1);
                assertThat(value(alerts, "job-failed")).isEqualTo(1);
                assertThat(firing("job-failed")).isEqualTo(1);
            } finally {
                hub.close();
            }
        } finally {
            webhook.stop(0);
        }
    }

    private String[] args() throws IOException {
        Path rules = dir.resolve("alerts.yaml");
        Files.writeString(rules, """
                rules:
                  - name: job-failed
                    event: job-failed
                    condition: gt
                    threshold: 0
                    window: 10m
                    channels: [webhook]
                  - name: while-down
                    event: while-down
                    condition: gt
                    threshold: 0
                    window: 10m
                    channels: [webhook]
                """);
        String[] fast = FleetTestArgs.fastRegistry(dir);
        List<String> args = new ArrayList<>(List.of(fast));
        args.add("--fleet.security.enabled=false"); // not about security
        args.add("--fleet.observability.alerts.rules-file=" + rules);
        args.add("--fleet.observability.alerts.group-window=1s");
        args.add("--fleet.observability.sources.reconnect-delay=200ms");
        return args.toArray(String[]::new);
    }

    private static String[] hubArgs(String[] args, String registryUrl, HttpServer webhook) {
        List<String> hubArgs = new ArrayList<>(List.of(args));
        hubArgs.add("--fleet.registry.url=" + registryUrl);
        hubArgs.add("--fleet.observability.channels.webhook.url=http://127.0.0.1:"
                + webhook.getAddress().getPort() + "/hook");
        return hubArgs.toArray(String[]::new);
    }

    private static ConfigurableApplicationContext startHub(String[] args) {
        return new SpringApplicationBuilder(ObservabilityHubApplication.class)
                .main(ObservabilityHubApplication.class)
                .registerShutdownHook(false)
                .run(args);
    }

    private HttpServer webhook() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            notifications.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private long firing(String rule) {
        return notifications.stream()
                .filter(n -> n.contains("\"status\":\"firing\"") && n.contains("\"rule\":\"" + rule + "\""))
                .count();
    }

    private static long stored(RestClient errorBus, String code) {
        return errorBus.get()
                .uri("/api/errorbus/events?code={code}&size=1", code)
                .retrieve()
                .body(EventPage.class)
                .totalElements();
    }

    private static double value(RestClient hub, String rule) {
        List<AlertView> alerts = hub.get()
                .uri("/api/observability/alerts")
                .retrieve()
                .body(new ParameterizedTypeReference<List<AlertView>>() {});
        return alerts.stream()
                .filter(a -> a.rule().equals(rule))
                .mapToDouble(AlertView::value)
                .findFirst()
                .orElse(0);
    }
}
