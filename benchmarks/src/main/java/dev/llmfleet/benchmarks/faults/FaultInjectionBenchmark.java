package dev.llmfleet.benchmarks.faults;

import dev.llmfleet.deploy.faults.FaultInjection;
import dev.llmfleet.deploy.faults.FaultReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The crash-safety run at length: the driver of deploy's {@code FaultInjectionTest} with a hundred
 * kills of the trainer (or as many as the first argument says; the second is the random seed), then
 * the figures: kills by point, restarts, invariant checks, violations (the goal is none), each broken
 * invariant on a line of its own. Uses {@code SPRING_DATASOURCE_URL} when set, else the embedded
 * PostgreSQL in a temporary folder; the trainers' logs stay in that folder, which is printed.
 *
 * <p>{@code ./mvnw -q -pl benchmarks exec:exec -Dbench=dev.llmfleet.benchmarks.faults.FaultInjectionBenchmark}
 * (after {@code ./mvnw install -DskipTests}). Each kill costs a trainer start: about a minute on a
 * busy two-core machine (measured 2026-12-02), so a hundred kills take one to two hours.
 */
public final class FaultInjectionBenchmark {

    private FaultInjectionBenchmark() {}

    public static void main(String[] args) throws IOException {
        int kills = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.currentTimeMillis();
        Path dataDir = Files.createTempDirectory("fault-injection");
        System.out.printf("[fault-injection] %d kills, seed %d, data in %s%n", kills, seed, dataDir);
        FaultReport report = FaultInjection.run(new FaultInjection.Settings(
                dataDir, kills, seed, 120, Duration.ofSeconds(40), Duration.ofMinutes(6), System.out::println));
        report.violations().forEach(v -> System.out.println("[fault-injection] violation: " + v));
        System.out.println(report.line());
        System.exit(report.violations().isEmpty() ? 0 : 1);
    }
}
