package dev.llmfleet.trainer.control;

import dev.llmfleet.api.trainer.ControlAction;
import dev.llmfleet.api.trainer.TrainerState;
import dev.llmfleet.api.trainer.TrainerStatus;
import dev.llmfleet.trainer.engine.EvaluationResult;
import dev.llmfleet.trainer.engine.StepProgress;
import dev.llmfleet.trainer.engine.TrainingControl;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The worker's state machine (see {@link TrainerState}) and the figures of its runs. A host runs
 * one run per device, so several may train at once: an operator's pause, stop or skip applies to
 * every run, and the state is that of the host (TRAINING while any run trains, PAUSED once every
 * paused run has checkpointed). The status shows the oldest run still going (the last one when
 * none is). Every move is checked here and refused when it does not apply; every change is handed
 * to the observer (which writes {@code control/state.json}).
 */
final class WorkerState {

    private final Clock clock;
    private final Consumer<TrainerStatus> observer;

    private final Map<UUID, RunFigures> runs = new LinkedHashMap<>();
    private RunFigures shown;
    private boolean paused;
    private final List<UUID> pausedJobs = new ArrayList<>();
    private TrainerState state = TrainerState.IDLE;
    private String lastEvent = "started";

    WorkerState(Clock clock, Consumer<TrainerStatus> observer) {
        this.clock = clock;
        this.observer = observer;
    }

    synchronized TrainerStatus status() {
        return status(shown);
    }

    /** The status with the figures of {@code jobId}'s run, when it is running. */
    synchronized TrainerStatus status(UUID jobId) {
        RunFigures run = runs.get(jobId);
        return status(run == null ? shown : run);
    }

    private TrainerStatus status(RunFigures run) {
        UUID pausedJob = pausedJobs.isEmpty() ? null : pausedJobs.getFirst();
        if (run == null) {
            return new TrainerStatus(
                    state,
                    null,
                    null,
                    null,
                    null,
                    0,
                    0,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    pausedJob,
                    lastEvent,
                    clock.instant());
        }
        return run.status(state, runs.containsKey(run.start.jobId()), pausedJob, lastEvent, clock.instant());
    }

    /** Applies an operator's control; returns the jobs to put back on the queue for a resume. */
    synchronized List<UUID> request(ControlAction action) {
        List<UUID> toResume = List.of();
        switch (action) {
            case PAUSE -> {
                if (state == TrainerState.IDLE) {
                    paused = true;
                    move("paused while idle: no new work is taken");
                } else if (state == TrainerState.TRAINING) {
                    ask(TrainerState.PAUSING, "pause requested: finishing the current batch");
                } else {
                    throw IllegalControlException.of(action, state);
                }
            }
            case STOP -> stopRuns(action, TrainerState.STOPPING, "stop requested: finishing the current batch");
            case SKIP -> stopRuns(action, TrainerState.SKIPPING, "skip requested: finishing the current batch");
            case RESUME -> {
                if (state != TrainerState.PAUSED) {
                    throw IllegalControlException.of(action, state);
                }
                toResume = List.copyOf(pausedJobs);
                pausedJobs.clear();
                paused = false;
                move(toResume.isEmpty() ? "resumed" : "resumed: job(s) " + toResume + " queued again");
            }
        }
        notifyAll();
        return toResume;
    }

    private void stopRuns(ControlAction action, TrainerState to, String event) {
        if (state != TrainerState.TRAINING) {
            throw IllegalControlException.of(action, state);
        }
        ask(to, event);
    }

    private void ask(TrainerState asked, String event) {
        runs.values().forEach(run -> run.ask(asked));
        move(event);
    }

    /** A lease's run begins; a pause asked for before (while idle or pausing) applies to it at once. */
    synchronized void started(RunStart start, TrainingControl control) {
        RunFigures run = new RunFigures(start, control);
        runs.put(start.jobId(), run);
        shown = runs.values().iterator().next();
        String how =
                start.resumedFromStep() == null ? "from the start" : "from checkpoint step " + start.resumedFromStep();
        boolean pauseAtOnce = paused || state == TrainerState.PAUSING;
        move("training job " + start.jobId() + " on " + start.datasetName() + " " + how);
        if (pauseAtOnce) {
            run.ask(TrainerState.PAUSING);
            move("pause requested: finishing the current batch");
        }
    }

    synchronized void stepped(UUID jobId, StepProgress progress) {
        RunFigures run = runs.get(jobId);
        if (run != null) {
            run.stepped(progress);
            changed();
        }
    }

    synchronized void evaluated(UUID jobId, EvaluationResult evaluation) {
        RunFigures run = runs.get(jobId);
        if (run != null) {
            run.evaluated(evaluation);
            lastEvent = "evaluated at step %d: validation loss %.4f, gap %.4f"
                    .formatted(evaluation.step(), evaluation.validationLoss(), evaluation.gap());
            changed();
        }
    }

    synchronized void checkpointed(UUID jobId, long checkpoint) {
        RunFigures run = runs.get(jobId);
        if (run != null) {
            run.checkpointStep = checkpoint;
            lastEvent = "checkpoint at step " + checkpoint;
            changed();
        }
    }

    /** The control the run must end with, as asked while it ran (TRAINING: none, it ran to its end or was told by the scheduler). */
    synchronized TrainerState ending(UUID jobId) {
        RunFigures run = runs.get(jobId);
        return run == null ? TrainerState.TRAINING : run.asked;
    }

    /**
     * The run of {@code jobId} is over and reported; a paused run leaves the worker PAUSED once no
     * run is left (with {@code waitingJob} to resume, null when the run had finished anyway).
     */
    synchronized void ended(UUID jobId, String event, UUID waitingJob) {
        RunFigures run = runs.remove(jobId);
        if (run != null && run.asked == TrainerState.PAUSING) {
            paused = true;
            if (waitingJob != null) {
                pausedJobs.add(waitingJob);
            }
        }
        if (!runs.isEmpty()) {
            shown = runs.values().iterator().next();
        } else if (run != null) {
            shown = run;
        }
        move(event);
        notifyAll();
    }

    synchronized void note(String event) {
        lastEvent = event;
        changed();
    }

    /** Blocks while the worker is paused or pausing, at most {@code millis}; true when it may take work. */
    synchronized boolean awaitWork(long millis) throws InterruptedException {
        if (holdsWork()) {
            wait(millis);
        }
        return !holdsWork();
    }

    private boolean holdsWork() {
        return state == TrainerState.PAUSED || state == TrainerState.PAUSING;
    }

    /** The jobs a pause left waiting, while the worker is paused. */
    synchronized List<UUID> pausedJobs() {
        return state == TrainerState.PAUSED ? List.copyOf(pausedJobs) : List.of();
    }

    synchronized TrainerState state() {
        return state;
    }

    private void move(String event) {
        state = runs.values().stream()
                .map(run -> run.asked)
                .filter(asked -> asked != TrainerState.TRAINING)
                .findFirst()
                .orElse(runs.isEmpty() ? (paused ? TrainerState.PAUSED : TrainerState.IDLE) : TrainerState.TRAINING);
        lastEvent = event;
        changed();
    }

    private void changed() {
        observer.accept(status());
    }

    /** One run's figures and what an operator asked of it. */
    private static final class RunFigures {
        private final RunStart start;
        private final TrainingControl engine;
        private TrainerState asked = TrainerState.TRAINING;
        private long step;
        private long totalSteps;
        private Double loss;
        private Double validationLoss;
        private Double gap;
        private Double tokensPerSecond;
        private Long etaSeconds;
        private Long checkpointStep;

        RunFigures(RunStart start, TrainingControl engine) {
            this.start = start;
            this.engine = engine;
            this.totalSteps = start.totalSteps();
            this.step = start.resumedFromStep() == null ? 0 : start.resumedFromStep();
            this.checkpointStep = start.resumedFromStep();
        }

        void ask(TrainerState what) {
            if (asked == TrainerState.TRAINING) {
                asked = what;
                engine.requestStop();
            }
        }

        void stepped(StepProgress progress) {
            step = progress.step();
            totalSteps = progress.totalSteps();
            loss = progress.loss();
            tokensPerSecond = progress.tokensPerSecond();
            etaSeconds = progress.eta().toSeconds();
        }

        void evaluated(EvaluationResult evaluation) {
            validationLoss = evaluation.validationLoss();
            gap = evaluation.gap();
        }

        TrainerStatus status(TrainerState state, boolean live, UUID pausedJob, String lastEvent, Instant at) {
            return new TrainerStatus(
                    state,
                    start.jobId(),
                    live ? start.leaseId() : null,
                    start.dataset(),
                    start.datasetName(),
                    step,
                    totalSteps,
                    loss,
                    validationLoss,
                    gap,
                    tokensPerSecond,
                    etaSeconds,
                    checkpointStep,
                    start.resumedFromStep(),
                    pausedJob,
                    lastEvent,
                    at);
        }
    }
}
