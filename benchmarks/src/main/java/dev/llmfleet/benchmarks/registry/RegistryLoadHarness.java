package dev.llmfleet.benchmarks.registry;

import dev.llmfleet.orchestrator.CoreOrchestratorApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Load harness for the service registry: heartbeats per second and look-up latency (p50/p99)
 * over real HTTP against a real core-orchestrator on this machine.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.llmfleet.benchmarks.registry.RegistryLoadHarness}
 * (see benchmarks/README.md). Uses {@code SPRING_DATASOURCE_URL} when set, else the embedded
 * PostgreSQL in a temporary folder.
 */
public final class RegistryLoadHarness {

    static final int INSTANCES = 200;
    static final int CLIENT_THREADS = 16;
    static final Duration WARM_UP = Duration.ofSeconds(5);
    static final Duration MEASURE = Duration.ofSeconds(15);
    static final int LOOKUPS = 20_000;

    private RegistryLoadHarness() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("fleet.datasource.test-isolation", "true");
        try (ConfigurableApplicationContext orchestrator = new SpringApplicationBuilder(
                        CoreOrchestratorApplication.class)
                .main(CoreOrchestratorApplication.class)
                .run(
                        "--server.port=0",
                        "--fleet.security.enabled=false",
                        "--fleet.orchestrator.registry.ttl=1h",
                        "--logging.level.root=WARN",
                        "--logging.level.dev.llmfleet=WARN",
                        "--spring.main.banner-mode=off")) {
            int port =
                    ((WebServerApplicationContext) orchestrator).getWebServer().getPort();
            String base = "http://127.0.0.1:" + port + "/api/registry";
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < INSTANCES; i++) {
                String body = """
                        {"serviceName":"svc-%d","instanceId":"bench-%d","host":"10.0.%d.%d","port":7000}
                        """.formatted(i % 20, i, i / 250, i % 250);
                send(
                        http,
                        HttpRequest.newBuilder(URI.create(base + "/instances"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)));
            }
            heartbeats(http, base, WARM_UP);
            double perSecond = heartbeats(http, base, MEASURE);
            long[] latencies = lookups(http, base);
            System.out.printf(
                    "registry: %d instances, %d client threads, %d cores%n",
                    INSTANCES, CLIENT_THREADS, Runtime.getRuntime().availableProcessors());
            System.out.printf("registry heartbeats: %.0f per second over %d s%n", perSecond, MEASURE.toSeconds());
            System.out.printf(
                    "registry look-up latency over %d calls: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                    LOOKUPS,
                    percentile(latencies, 50),
                    percentile(latencies, 99),
                    latencies[latencies.length - 1] / 1e6);
        }
    }

    private static double heartbeats(HttpClient http, String base, Duration duration) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < CLIENT_THREADS; t++) {
                int offset = t;
                workers.add(pool.submit(() -> {
                    int i = offset;
                    while (System.nanoTime() < end) {
                        send(
                                http,
                                HttpRequest.newBuilder(
                                                URI.create(base + "/instances/bench-" + (i % INSTANCES) + "/heartbeat"))
                                        .PUT(HttpRequest.BodyPublishers.noBody()));
                        done.incrementAndGet();
                        i += CLIENT_THREADS;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return done.get() / (double) duration.toSeconds();
    }

    private static long[] lookups(HttpClient http, String base) {
        long[] latencies = new long[LOOKUPS];
        for (int i = 0; i < LOOKUPS; i++) {
            long start = System.nanoTime();
            send(
                    http,
                    HttpRequest.newBuilder(URI.create(base + "/services/svc-" + (i % 20) + "/instances"))
                            .GET());
            latencies[i] = System.nanoTime() - start;
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static void send(HttpClient http, HttpRequest.Builder request) {
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " from " + response.uri());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
