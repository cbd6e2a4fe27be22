package dev.llmfleet.benchmarks.observability;

import com.sun.net.httpserver.HttpServer;
import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.errorbus.ErrorBusApplication;
import dev.llmfleet.observability.ObservabilityHubApplication;
import dev.llmfleet.observability.alert.AlertEngine;
import dev.llmfleet.observability.alert.Signal;
import dev.llmfleet.orchestrator.CoreOrchestratorApplication;
import dev.llmfleet.starter.errors.ErrorReporter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Time from an error event to its alert notification, end to end on this machine: a service's
 * {@link ErrorReporter} publishes an error (NATS JetStream at {@code FLEET_BENCH_NATS_URL}, default
 * {@code nats://127.0.0.1:4222}), the error-bus stores it and streams it, observability-hub's feed
 * hands it to the alert engine, which fires, records state and outbox in PostgreSQL and posts the
 * notification to a webhook served here. Prints p50, p90, p99 and max over {@value #EVENTS} events
 * sent at {@value #RATE} per second, each a new alert (its own code), after a warm-up.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks exec:exec -Dbench=dev.llmfleet.benchmarks.observability.AlertLatencyHarness}.
 * Uses {@code SPRING_DATASOURCE_URL} when set, else an embedded PostgreSQL.
 */
public final class AlertLatencyHarness {

    static final int WARM_UP = 30;
    static final int EVENTS = 300;
    static final int RATE = 20;
    static final Pattern CODE = Pattern.compile("\"code\":\"(bench-[a-z]+-\\d+)\"");

    private AlertLatencyHarness() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("fleet.datasource.test-isolation", "true");
        Map<String, Long> received = new ConcurrentHashMap<>();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = CODE.matcher(body);
            while (m.find()) {
                received.putIfAbsent(m.group(1), now);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        Path dir = Files.createTempDirectory("alert-latency");
        Path rules = dir.resolve("alerts.yaml");
        Files.writeString(rules, """
                rules:
                  - name: bench-errors
                    event: "*"
                    service: error-bus
                    min-severity: error
                    condition: gt
                    threshold: 0
                    window: 10m
                    channels: [webhook]
                """);
        List<String> common = List.of(
                "--server.port=0",
                "--fleet.security.enabled=false",
                "--fleet.data-dir=" + dir.resolve("data"),
                "--fleet.registry.heartbeat-interval=500ms",
                "--fleet.registry.cache-ttl=500ms",
                "--fleet.errorbus.nats.url="
                        + System.getenv().getOrDefault("FLEET_BENCH_NATS_URL", "nats://127.0.0.1:4222"),
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        try {
            ConfigurableApplicationContext registry = start(CoreOrchestratorApplication.class, common);
            contexts.add(registry);
            String registryUrl = "--fleet.registry.url=http://localhost:" + port(registry);
            ConfigurableApplicationContext errorBus = start(ErrorBusApplication.class, with(common, registryUrl));
            contexts.add(errorBus);
            ConfigurableApplicationContext hub = start(
                    ObservabilityHubApplication.class,
                    with(
                            common,
                            registryUrl,
                            "--fleet.observability.alerts.rules-file=" + rules,
                            "--fleet.observability.channels.webhook.url=http://127.0.0.1:"
                                    + webhook.getAddress().getPort() + "/",
                            "--fleet.observability.sources.reconnect-delay=200ms"));
            contexts.add(hub);
            ErrorReporter reporter = errorBus.getBean(ErrorReporter.class);

            // the hub finds the error-bus through the registry and subscribes: wait for the first notification
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            int probe = 0;
            while (!received.containsKey("bench-probe-" + probe) && System.nanoTime() < deadline) {
                probe++;
                reporter.report(Severity.ERROR, "bench-probe-" + probe, "probe", null, null);
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("No notification arrived within 90 s: is NATS up?");
            }
            run(reporter, received, "warm", WARM_UP);
            long[] latencies = run(reporter, received, "measured", EVENTS);
            report(
                    "Error event to alert notification (reporter -> NATS -> error-bus -> SSE -> hub -> PostgreSQL -> webhook)",
                    latencies);
            AlertEngine engine = hub.getBean(AlertEngine.class);
            long[] engineOnly = run(
                    (severity, code) -> engine.onEvent(new Signal(
                            UUID.randomUUID().toString(),
                            "error-bus",
                            code,
                            severity,
                            "direct",
                            Map.of(),
                            Instant.now())),
                    received,
                    "engine",
                    EVENTS);
            report("The hub's share: event handed to the alert engine -> PostgreSQL -> webhook", engineOnly);
        } finally {
            for (int i = contexts.size() - 1; i >= 0; i--) {
                contexts.get(i).close();
            }
            webhook.stop(0);
        }
    }

    private static long[] run(ErrorReporter reporter, Map<String, Long> received, String phase, int count) {
        return run(
                (severity, code) -> reporter.report(severity, code, "benchmark error", null, null),
                received,
                phase,
                count);
    }

    private static long[] run(
            java.util.function.BiConsumer<Severity, String> send, Map<String, Long> received, String phase, int count) {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        long interval = Duration.ofSeconds(1).toNanos() / RATE;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String code = "bench-" + phase + "-" + i;
            LockSupport.parkNanos(next - System.nanoTime());
            sent.put(code, System.nanoTime());
            send.accept(Severity.ERROR, code);
            next += interval;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!received.keySet().containsAll(sent.keySet()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        return sent.entrySet().stream()
                .filter(e -> received.containsKey(e.getKey()))
                .mapToLong(e -> received.get(e.getKey()) - e.getValue())
                .sorted()
                .toArray();
    }

    private static void report(String title, long[] latencies) {
        System.out.printf("%s%n", title);
        System.out.printf("  events %d at %d/s, notified %d%n", EVENTS, RATE, latencies.length);
        if (latencies.length == 0) {
            return;
        }
        System.out.printf(
                "  p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                ms(latencies, 0.50), ms(latencies, 0.90), ms(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
        System.out.printf("  mean %.1f ms%n", Arrays.stream(latencies).average().orElse(0) / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static ConfigurableApplicationContext start(Class<?> application, List<String> args) {
        return new SpringApplicationBuilder(application).main(application).run(args.toArray(String[]::new));
    }

    private static List<String> with(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
