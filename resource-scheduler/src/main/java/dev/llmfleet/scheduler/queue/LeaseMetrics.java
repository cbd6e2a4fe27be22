package dev.llmfleet.scheduler.queue;

import dev.llmfleet.api.scheduler.JobState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Meters of the lease life cycle ({@code fleet.scheduler.leases.*}). */
final class LeaseMetrics {

    private final MeterRegistry meters;
    private final Timer queueWait;

    LeaseMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.queueWait = Timer.builder("fleet.scheduler.leases.queue.wait")
                .description("Time from submission to a job's lease")
                .publishPercentileHistogram()
                .register(meters);
    }

    void leased(Duration waited) {
        queueWait.record(waited.isNegative() ? Duration.ZERO : waited);
    }

    void expired(JobState outcome) {
        Counter.builder("fleet.scheduler.leases.expired")
                .description("Leases that ran out without a heartbeat")
                .tag("outcome", outcome.name().toLowerCase())
                .register(meters)
                .increment();
    }

    void released(String how) {
        Counter.builder("fleet.scheduler.leases.released")
                .description("Leases their worker ended")
                .tag("how", how)
                .register(meters)
                .increment();
    }
}
