package dev.llmfleet.inference.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The engine's meters, tagged by model version: requests, tokens, time to first token, tokens/s, batch size, queue. */
final class EngineMetrics {

    private final MeterRegistry registry;

    EngineMetrics(MeterRegistry registry, AtomicInteger waiting) {
        this.registry = registry;
        Gauge.builder("fleet.inference.queue.depth", waiting, AtomicInteger::get)
                .description("Requests waiting for a place in the batch")
                .register(registry);
    }

    void rejected(String version) {
        requests(version, "rejected").increment();
    }

    void ended(Sequence sequence, String version) {
        String outcome = sequence.finishReason() == null
                ? "failed"
                : sequence.finishReason().name().toLowerCase(java.util.Locale.ROOT);
        requests(version, outcome).increment();
        if (sequence.generated() == 0) {
            return;
        }
        Counter.builder("fleet.inference.tokens.generated")
                .tag("version", version)
                .register(registry)
                .increment(sequence.generated());
        Timer.builder("fleet.inference.time.to.first.token")
                .tag("version", version)
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(Duration.ofNanos(sequence.timeToFirstTokenNanos()));
        long decoding = sequence.decodingNanos();
        if (sequence.generated() > 1 && decoding > 0) {
            DistributionSummary.builder("fleet.inference.tokens.per.second")
                    .description("Decoding speed of one request after its first token")
                    .tag("version", version)
                    .register(registry)
                    .record((sequence.generated() - 1) * 1e9 / decoding);
        }
    }

    void step(String version, int batchSize) {
        DistributionSummary.builder("fleet.inference.batch.size")
                .description("Sequences decoded together in one step")
                .tag("version", version)
                .register(registry)
                .record(batchSize);
    }

    private Counter requests(String version, String outcome) {
        return Counter.builder("fleet.inference.requests")
                .tag("version", version)
                .tag("outcome", outcome)
                .register(registry);
    }
}
