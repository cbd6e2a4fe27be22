package dev.llmfleet.trainer.control;

import dev.llmfleet.api.trainer.ControlAction;
import dev.llmfleet.api.trainer.TrainerState;
import dev.llmfleet.api.trainer.TrainerStatus;
import dev.llmfleet.trainer.engine.EvaluationResult;
import dev.llmfleet.trainer.engine.StepProgress;
import dev.llmfleet.trainer.engine.TrainingControl;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The worker's state machine (see {@link TrainerState}) and the figures of its current run. Every
 * move is checked here and refused when it does not apply; every change is handed to the observer
 * (which writes {@code control/state.json}).
 */
final class WorkerState {

    private final Clock clock;
    private final Consumer<TrainerStatus> observer;

    private TrainerState state = TrainerState.IDLE;
    private TrainingControl engine;
    private UUID jobId;
    private UUID leaseId;
    private String dataset;
    private String datasetName;
    private long step;
    private long totalSteps;
    private Double loss;
    private Double validationLoss;
    private Double gap;
    private Double tokensPerSecond;
    private Long etaSeconds;
    private Long checkpointStep;
    private Long resumedFromStep;
    private UUID pausedJobId;
    private String lastEvent = "started";

    WorkerState(Clock clock, Consumer<TrainerStatus> observer) {
        this.clock = clock;
        this.observer = observer;
    }

    synchronized TrainerStatus status() {
        return new TrainerStatus(
                state,
                jobId,
                leaseId,
                dataset,
                datasetName,
                step,
                totalSteps,
                loss,
                validationLoss,
                gap,
                tokensPerSecond,
                etaSeconds,
                checkpointStep,
                resumedFromStep,
                pausedJobId,
                lastEvent,
                clock.instant());
    }

    /** Applies an operator's control; returns the job to put back on the queue for a resume, else null. */
    synchronized UUID request(ControlAction action) {
        UUID toResume = null;
        switch (action) {
            case PAUSE -> {
                if (state == TrainerState.IDLE) {
                    move(TrainerState.PAUSED, "paused while idle: no new work is taken");
                } else if (state == TrainerState.TRAINING) {
                    engine.requestStop();
                    move(TrainerState.PAUSING, "pause requested: finishing the current batch");
                } else {
                    throw IllegalControlException.of(action, state);
                }
            }
            case STOP -> stopRun(action, TrainerState.STOPPING, "stop requested: finishing the current batch");
            case SKIP -> stopRun(action, TrainerState.SKIPPING, "skip requested: finishing the current batch");
            case RESUME -> {
                if (state != TrainerState.PAUSED) {
                    throw IllegalControlException.of(action, state);
                }
                toResume = pausedJobId;
                pausedJobId = null;
                move(TrainerState.IDLE, toResume == null ? "resumed" : "resumed: job " + toResume + " queued again");
            }
        }
        notifyAll();
        return toResume;
    }

    private void stopRun(ControlAction action, TrainerState to, String event) {
        if (state != TrainerState.TRAINING) {
            throw IllegalControlException.of(action, state);
        }
        engine.requestStop();
        move(to, event);
    }

    /** A lease's run begins; a pause asked for while idle applies to it at once. */
    synchronized void started(RunStart run, TrainingControl control) {
        if (state != TrainerState.IDLE && state != TrainerState.PAUSED) {
            throw new IllegalStateException("a run started while the worker is " + state);
        }
        boolean pauseAtOnce = state == TrainerState.PAUSED;
        engine = control;
        jobId = run.jobId();
        leaseId = run.leaseId();
        dataset = run.dataset();
        datasetName = run.datasetName();
        totalSteps = run.totalSteps();
        resumedFromStep = run.resumedFromStep();
        step = run.resumedFromStep() == null ? 0 : run.resumedFromStep();
        checkpointStep = run.resumedFromStep();
        loss = null;
        validationLoss = null;
        gap = null;
        tokensPerSecond = null;
        etaSeconds = null;
        String how = run.resumedFromStep() == null ? "from the start" : "from checkpoint step " + run.resumedFromStep();
        move(TrainerState.TRAINING, "training job " + jobId + " on " + datasetName + " " + how);
        if (pauseAtOnce) {
            engine.requestStop();
            move(TrainerState.PAUSING, "pause requested: finishing the current batch");
        }
    }

    synchronized void stepped(StepProgress progress) {
        step = progress.step();
        totalSteps = progress.totalSteps();
        loss = progress.loss();
        tokensPerSecond = progress.tokensPerSecond();
        etaSeconds = progress.eta().toSeconds();
        changed();
    }

    synchronized void evaluated(EvaluationResult evaluation) {
        validationLoss = evaluation.validationLoss();
        gap = evaluation.gap();
        lastEvent = "evaluated at step %d: validation loss %.4f, gap %.4f"
                .formatted(evaluation.step(), evaluation.validationLoss(), evaluation.gap());
        changed();
    }

    synchronized void checkpointed(long checkpoint) {
        checkpointStep = checkpoint;
        lastEvent = "checkpoint at step " + checkpoint;
        changed();
    }

    /** The control the run must end with, as asked while it ran (none: it ran to its end or was told by the scheduler). */
    synchronized TrainerState ending() {
        return state;
    }

    /**
     * The run is over and reported; a pause leaves the worker PAUSED (with {@code waitingJob} to
     * resume, null when the run had finished anyway), everything else IDLE.
     */
    synchronized void ended(String event, UUID waitingJob) {
        if (state == TrainerState.PAUSING) {
            pausedJobId = waitingJob;
            move(TrainerState.PAUSED, event);
        } else {
            move(TrainerState.IDLE, event);
        }
        engine = null;
        leaseId = null;
        notifyAll();
    }

    synchronized void note(String event) {
        lastEvent = event;
        changed();
    }

    /** Blocks while the worker is paused, at most {@code millis}; true when it may take work. */
    synchronized boolean awaitWork(long millis) throws InterruptedException {
        if (state == TrainerState.PAUSED) {
            wait(millis);
        }
        return state != TrainerState.PAUSED;
    }

    /** The job a pause left waiting, while the worker is paused. */
    synchronized UUID pausedJob() {
        return state == TrainerState.PAUSED ? pausedJobId : null;
    }

    synchronized TrainerState state() {
        return state;
    }

    private void move(TrainerState to, String event) {
        state = to;
        lastEvent = event;
        changed();
    }

    private void changed() {
        observer.accept(status());
    }
}
