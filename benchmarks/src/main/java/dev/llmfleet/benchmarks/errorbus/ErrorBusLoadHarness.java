package dev.llmfleet.benchmarks.errorbus;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.errorbus.ErrorBusApplication;
import dev.llmfleet.starter.errors.ErrorReporter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Load harness for the error bus: events per second published (acknowledged by the bus) and stored
 * (in the error-bus's table), and publish-to-stored latency (p50/p99), through a real reporter and
 * a real error-bus on this machine.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks exec:exec -Dbench=dev.llmfleet.benchmarks.errorbus.ErrorBusLoadHarness}
 * with {@code FLEET_BENCH_TRANSPORT=nats} (default; NATS at {@code FLEET_BENCH_NATS_URL}, default
 * {@code nats://127.0.0.1:4222}) or {@code postgres}. Uses {@code SPRING_DATASOURCE_URL} when set,
 * else an embedded PostgreSQL. Two phases: a firehose of {@value #FIREHOSE} events as fast as the
 * reporter takes them (throughput; latency there includes the backlog), then a paced run at
 * {@value #PACED_RATE} events per second (latency under a steady load).
 */
public final class ErrorBusLoadHarness {

    static final int FIREHOSE = 200_000;
    static final int PACED_RATE = 2_000;
    static final Duration PACED = Duration.ofSeconds(10);

    private ErrorBusLoadHarness() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("fleet.datasource.test-isolation", "true");
        String transport = System.getenv().getOrDefault("FLEET_BENCH_TRANSPORT", "nats");
        String stream = "BENCH_" + UUID.randomUUID().toString().replace("-", "");
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--fleet.security.enabled=false",
                "--fleet.registry.enabled=false",
                "--fleet.errorbus.stream=" + stream,
                "--fleet.errorbus.subject-prefix=bench"
                        + stream.substring(6, 14).toLowerCase(Locale.ROOT),
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        if (transport.equals("nats")) {
            arguments.add("--fleet.errorbus.nats.url="
                    + System.getenv().getOrDefault("FLEET_BENCH_NATS_URL", "nats://127.0.0.1:4222"));
        }
        try (ConfigurableApplicationContext errorBus = new SpringApplicationBuilder(ErrorBusApplication.class)
                .main(ErrorBusApplication.class)
                .run(arguments.toArray(String[]::new))) {
            ErrorReporter reporter = errorBus.getBean(ErrorReporter.class);
            JdbcTemplate jdbc = errorBus.getBean(JdbcTemplate.class);
            MeterRegistry meters = errorBus.getBean(MeterRegistry.class);
            LongSupplier published = () -> (long)
                    meters.get("fleet.errorbus.reporter.published").counter().count();
            run(reporter, jdbc, published, "warm-up", 20_000, 0);
            System.out.printf(
                    "error bus over %s, %d cores, batches of 500%n",
                    transport, Runtime.getRuntime().availableProcessors());
            run(reporter, jdbc, published, "firehose", FIREHOSE, 0);
            run(reporter, jdbc, published, "paced", (int) (PACED_RATE * PACED.toSeconds()), PACED_RATE);
            double dropped = meters.get("fleet.errorbus.reporter.dropped").counters().stream()
                    .mapToDouble(c -> c.count())
                    .sum();
            System.out.printf("dropped by the reporter: %.0f%n", dropped);
        }
    }

    private static void run(
            ErrorReporter reporter, JdbcTemplate jdbc, LongSupplier published, String phase, int count, int rate)
            throws InterruptedException {
        String code = "bench-" + phase + "-" + UUID.randomUUID();
        long publishedBefore = published.getAsLong();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0 && i % 20 == 0) {
                // paced in bursts of 20, parked rather than spinning, so the harness leaves the CPU to the bus
                LockSupport.parkNanos(start + (long) (i * (1e9 / rate)) - System.nanoTime());
            }
            while (reporter.pending() > 15_000) {
                LockSupport.parkNanos(200_000); // back-pressure for the harness only: the reporter never blocks
            }
            reporter.event(Severity.INFO, code, "benchmark event " + i);
        }
        long publishedAt = awaitValue(() -> published.getAsLong() - publishedBefore, count);
        long storedAt = awaitValue(() -> stored(jdbc, code), count);
        double publishSeconds = (publishedAt - start) / 1e9;
        double storeSeconds = (storedAt - start) / 1e9;
        List<Double> latency = jdbc.query("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM stored_at - occurred_at)),
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM stored_at - occurred_at))
                FROM event WHERE code = ?
                """, (rs, n) -> List.of(rs.getDouble(1) * 1000, rs.getDouble(2) * 1000), code)
                .getFirst();
        if (phase.equals("warm-up")) {
            return;
        }
        System.out.printf(
                "%s: %d events; published %.0f/s; stored %.0f/s; publish-to-stored latency p50 %.1f ms, p99 %.1f ms%n",
                phase, count, count / publishSeconds, count / storeSeconds, latency.get(0), latency.get(1));
    }

    private static long stored(JdbcTemplate jdbc, String code) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM event WHERE code = ?", Long.class, code);
        return n == null ? 0 : n;
    }

    /** Polls until {@code value} reaches {@code target}; the time it did, in {@link System#nanoTime()}. */
    private static long awaitValue(LongSupplier value, long target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (value.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + value.getAsLong() + " of " + target + " within 5 minutes");
            }
            Thread.sleep(5);
        }
        return System.nanoTime();
    }
}
