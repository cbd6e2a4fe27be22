package dev.llmfleet.observability.run;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.api.observability.AnomalyKind;
import dev.llmfleet.api.observability.RunView;
import dev.llmfleet.observability.anomaly.AnomalyWatch;
import dev.llmfleet.observability.events.HubEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * What the run monitor tells the rest of the hub: the current run's gauges
 * ({@code fleet.observability.run.*}, NaN while no run is current), loss and throughput for the
 * anomaly detector, and the stalled and finished events.
 */
@Component
class RunSignals {

    private final HubEvents events;
    private final AnomalyWatch anomalies;
    private volatile RunView current;
    private volatile int stalled;

    RunSignals(HubEvents events, AnomalyWatch anomalies, MeterRegistry meters) {
        this.events = events;
        this.anomalies = anomalies;
        gauge(meters, "step", "The current run's last step", r -> r.step());
        gauge(meters, "total.steps", "The current run's planned steps", r -> r.totalSteps());
        gauge(meters, "loss", "The current run's training loss", r -> value(r.trainLoss()));
        gauge(meters, "validation.loss", "The current run's validation loss", r -> value(r.validationLoss()));
        gauge(meters, "gap", "Validation minus training loss of the current run", r -> value(r.gap()));
        gauge(meters, "tokens.per.second", "The current run's training throughput", r -> value(r.tokensPerSecond()));
        gauge(
                meters,
                "eta.seconds",
                "Time left in the current run at its pace",
                r -> r.etaSeconds() == null ? Double.NaN : r.etaSeconds());
        Gauge.builder("fleet.observability.run.stalled", this, s -> s.stalled)
                .description("Runs that made no progress for longer than the stall threshold")
                .register(meters);
    }

    void progressed(RunView run, boolean newStep) {
        current = run;
        if (newStep && run.trainLoss() != null) {
            anomalies.observe(AnomalyKind.LOSS, run.runId(), run.trainLoss());
        }
        if (newStep && run.tokensPerSecond() != null) {
            anomalies.observe(AnomalyKind.THROUGHPUT, run.runId(), run.tokensPerSecond());
        }
    }

    void stalledCount(int stalledRuns) {
        this.stalled = stalledRuns;
    }

    void stalled(RunView run) {
        events.raise(
                Severity.WARNING,
                "run-stalled",
                "Run %s made no progress since %s (step %d)".formatted(run.runId(), run.lastProgressAt(), run.step()),
                Map.of("run", run.runId()));
    }

    void finished(RunView run) {
        anomalies.forget(AnomalyKind.LOSS, run.runId());
        anomalies.forget(AnomalyKind.THROUGHPUT, run.runId());
        events.raise(
                run.state() == dev.llmfleet.api.observability.RunState.COMPLETED ? Severity.INFO : Severity.WARNING,
                "run-finished",
                "Run %s %s at step %d; archived at %s".formatted(run.runId(), run.state(), run.step(), run.archive()),
                Map.of("run", run.runId(), "state", run.state().name()));
    }

    RunView current() {
        return current;
    }

    private void gauge(MeterRegistry meters, String name, String description, ToDoubleFunction<RunView> value) {
        Gauge.builder(
                        "fleet.observability.run." + name,
                        this,
                        s -> s.current == null ? Double.NaN : value.applyAsDouble(s.current))
                .description(description)
                .register(meters);
    }

    private static double value(Double value) {
        return value == null ? Double.NaN : value;
    }
}
