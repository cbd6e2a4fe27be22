package dev.llmfleet.trainer.worker;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.starter.errors.ErrorReporter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How evaluation jobs end: the timer {@code fleet.trainer.evaluations} (tag {@code outcome}:
 * completed, paused, abandoned, shutdown, failed, refused) and, for failures, an event on the
 * error bus (a warning when the job is retried, an error when it is not).
 */
@Component
class EvaluationOutcomes {

    private final MeterRegistry meters;
    private final ObjectProvider<ErrorReporter> errors;

    EvaluationOutcomes(MeterRegistry meters, ObjectProvider<ErrorReporter> errors) {
        this.meters = meters;
        this.errors = errors;
    }

    void ended(String outcome, long startedNanos) {
        Timer.builder("fleet.trainer.evaluations")
                .description("evaluation jobs run on this host, by how they ended")
                .tag("outcome", outcome)
                .register(meters)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    void failed(long startedNanos, String reason, boolean retriable, Throwable cause) {
        ended(retriable ? "failed" : "refused", startedNanos);
        errors.ifAvailable(reporter -> reporter.report(
                retriable ? Severity.WARNING : Severity.ERROR,
                retriable ? "evaluation-failed" : "evaluation-refused",
                reason,
                cause,
                null));
    }
}
