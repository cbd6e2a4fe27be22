package dev.llmfleet.trainer.worker;

import dev.llmfleet.api.observability.RunState;
import dev.llmfleet.trainer.control.TrainerControlService;
import dev.llmfleet.trainer.snapshot.SnapshotTaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Makes each run's listener, and counts how runs end ({@code fleet.trainer.runs}, tag {@code outcome}). */
@Component
class RunListenerFactory {

    private final TrainerControlService control;
    private final SnapshotTaker snapshots;
    private final ProgressPublisher publisher;
    private final MeterRegistry meters;
    private final Counter stepsTrained;

    RunListenerFactory(
            TrainerControlService control, SnapshotTaker snapshots, ProgressPublisher publisher, MeterRegistry meters) {
        this.control = control;
        this.snapshots = snapshots;
        this.publisher = publisher;
        this.meters = meters;
        this.stepsTrained = Counter.builder("fleet.trainer.steps.trained")
                .description("optimizer steps trained, over all runs")
                .register(meters);
    }

    RunListener create(RunListener.RunContext run) {
        return new RunListener(run, control, snapshots, publisher, stepsTrained);
    }

    void ended(RunListener listener, String outcome, RunState state) {
        meters.counter("fleet.trainer.runs", "outcome", outcome.toLowerCase(Locale.ROOT))
                .increment();
        listener.publish(state);
    }
}
