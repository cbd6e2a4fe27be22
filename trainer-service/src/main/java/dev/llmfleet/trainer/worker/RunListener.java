package dev.llmfleet.trainer.worker;

import dev.llmfleet.api.observability.RunProgress;
import dev.llmfleet.api.observability.RunState;
import dev.llmfleet.trainer.control.TrainerControlService;
import dev.llmfleet.trainer.engine.CheckpointSaved;
import dev.llmfleet.trainer.engine.EvaluationResult;
import dev.llmfleet.trainer.engine.StepProgress;
import dev.llmfleet.trainer.engine.TrainingListener;
import dev.llmfleet.trainer.snapshot.SnapshotTaker;
import dev.llmfleet.trainer.validation.Example;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One run's listener: the status (and with it {@code state.json} and the gauges), the run's
 * {@code progress.jsonl} (one line per trained step), the observability-hub, and a snapshot from
 * each checkpoint written at an evaluation step.
 */
final class RunListener implements TrainingListener {

    private static final Log log = LogFactory.getLog(RunListener.class);

    private final RunContext run;
    private final TrainerControlService control;
    private final SnapshotTaker snapshots;
    private final ProgressPublisher publisher;
    private final Counter stepsTrained;
    private final Supplier<List<Example>> prompts;
    private EvaluationResult lastEvaluation;
    private long lastPublished;

    RunListener(
            RunContext run,
            TrainerControlService control,
            SnapshotTaker snapshots,
            ProgressPublisher publisher,
            Counter stepsTrained) {
        this.run = run;
        this.control = control;
        this.snapshots = snapshots;
        this.publisher = publisher;
        this.stepsTrained = stepsTrained;
        this.prompts = new Memo<>(() -> {
            try {
                return snapshots.prompts(run.datasetFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void onStep(StepProgress progress) {
        control.stepped(run.jobId(), progress);
        stepsTrained.increment();
        appendProgress("{\"step\":%d,\"loss\":%.6f,\"tokens\":%d,\"attempt\":%d}"
                .formatted(progress.step(), progress.loss(), progress.tokens(), run.attempt()));
        long now = System.nanoTime();
        if (now - lastPublished > 1_000_000_000L || progress.step() == progress.totalSteps()) {
            lastPublished = now;
            publish(RunState.RUNNING);
        }
    }

    @Override
    public void onEvaluation(EvaluationResult evaluation) {
        lastEvaluation = evaluation;
        control.evaluated(run.jobId(), evaluation);
        publish(RunState.RUNNING);
    }

    @Override
    public void onCheckpoint(CheckpointSaved checkpoint) {
        control.checkpointed(run.jobId(), checkpoint.step());
        if (lastEvaluation != null && lastEvaluation.step() == checkpoint.step()) {
            try {
                var snapshot = snapshots.take(
                        run.dataset(), run.jobId(), prompts.get(), checkpoint.directory(), lastEvaluation);
                control.note("snapshot at step %d: %d of %d right"
                        .formatted(snapshot.step(), snapshot.correct(), snapshot.total()));
            } catch (RuntimeException e) {
                log.warn("Snapshot at step " + checkpoint.step() + " of job " + run.jobId() + " failed", e);
                control.note("snapshot at step " + checkpoint.step() + " failed: " + e.getMessage());
            }
        }
    }

    void publish(RunState state) {
        var status = control.status(run.jobId());
        publisher.publish(new RunProgress(
                run.jobId().toString(),
                run.dataset(),
                state,
                status.step(),
                status.totalSteps(),
                status.loss(),
                status.validationLoss(),
                status.tokensPerSecond(),
                run.directory().toString()));
    }

    private void appendProgress(String line) {
        try {
            Files.writeString(
                    run.directory().resolve("progress.jsonl"),
                    line + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("Cannot append to the progress log of job " + run.jobId() + ": " + e);
        }
    }

    /** What a run is about. */
    record RunContext(UUID jobId, String dataset, Path datasetFile, Path directory, int attempt) {}

    private static final class Memo<T> implements Supplier<T> {
        private final Supplier<T> source;
        private T value;

        Memo(Supplier<T> source) {
            this.source = source;
        }

        @Override
        public T get() {
            if (value == null) {
                value = source.get();
            }
            return value;
        }
    }
}
