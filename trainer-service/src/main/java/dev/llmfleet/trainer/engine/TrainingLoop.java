package dev.llmfleet.trainer.engine;

import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.chat.TokenSequence;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The step loop of one run: batches, updates, evaluation and checkpoints on their schedules. */
final class TrainingLoop {

    private final TrainingSettings settings;
    private final CausalLanguageModel model;
    private final TrainingStep step;
    private final Evaluator evaluator;
    private final CheckpointStore checkpoints;
    private final List<TrainingListener> listeners;

    TrainingLoop(
            TrainingSettings settings,
            CausalLanguageModel model,
            TrainingStep step,
            Evaluator evaluator,
            CheckpointStore checkpoints,
            List<TrainingListener> listeners) {
        this.settings = settings;
        this.model = model;
        this.step = step;
        this.evaluator = evaluator;
        this.checkpoints = checkpoints;
        this.listeners = listeners;
    }

    TrainingResult run(
            TrainingState start, AdamW optimizer, List<TokenSequence> training, int padId, TrainingControl control) {
        BatchCursor cursor = new BatchCursor(training, start.seed(), start.dataEpoch(), start.dataPosition());
        int totalSteps = start.schedule().totalSteps();
        StepClock clock = new StepClock(totalSteps - start.step());
        List<Double> losses = new ArrayList<>();
        List<EvaluationResult> evaluations = new ArrayList<>();
        TrainingState state = start;
        double lossSinceEval = 0;
        int stepsSinceEval = 0;
        double lossSinceSave = 0;
        int stepsSinceSave = 0;
        Path last = null;
        boolean stopped = false;
        while (state.step() < totalSteps && !stopped) {
            long stepNumber = state.step() + 1;
            double lr = state.schedule().at(stepNumber);
            List<PaddedBatch> batches = new ArrayList<>();
            for (int i = 0; i < settings.gradientAccumulation(); i++) {
                batches.add(PaddedBatch.of(cursor.next(settings.batchSize()), padId));
            }
            TrainingStep.Outcome outcome = step.run(batches, lr);
            clock.stepDone(outcome.tokens());
            losses.add(outcome.loss());
            lossSinceEval += outcome.loss();
            stepsSinceEval++;
            lossSinceSave += outcome.loss();
            stepsSinceSave++;
            Double validationLoss = null;
            state = advance(state, stepNumber, optimizer, cursor);
            publish(new StepProgress(
                    stepNumber,
                    totalSteps,
                    outcome.loss(),
                    outcome.tokens(),
                    lr,
                    outcome.gradientNorm(),
                    clock.tokensPerSecond(),
                    clock.eta()));
            boolean end = stepNumber == totalSteps;
            stopped = control.stopRequested() && !end;
            if ((stepNumber % settings.evalSteps() == 0 || end) && evaluator.hasData()) {
                EvaluationResult evaluation =
                        new EvaluationResult(stepNumber, lossSinceEval / stepsSinceEval, evaluator.loss());
                evaluations.add(evaluation);
                listeners.forEach(l -> l.onEvaluation(evaluation));
                validationLoss = evaluation.validationLoss();
                lossSinceEval = 0;
                stepsSinceEval = 0;
                state = withBest(state, evaluation);
            }
            if (stepNumber % settings.saveSteps() == 0 || end || stopped) {
                last = checkpoints.save(
                        model,
                        optimizer,
                        state,
                        new CheckpointMetrics(stepNumber, lossSinceSave / stepsSinceSave, validationLoss));
                lossSinceSave = 0;
                stepsSinceSave = 0;
                CheckpointSaved saved = new CheckpointSaved(stepNumber, last, state.bestStep() == stepNumber);
                listeners.forEach(l -> l.onCheckpoint(saved));
            }
        }
        if (last == null) {
            // Resumed from the final checkpoint: nothing was left to train, the run ends where it stood.
            last = checkpoints.pathFor(state.step());
        }
        Path best = state.bestStep() < 0 ? last : last.resolveSibling(CheckpointStore.nameFor(state.bestStep()));
        return new TrainingResult(state.step(), losses, evaluations, last, best, stopped);
    }

    private static TrainingState advance(TrainingState s, long stepNumber, AdamW optimizer, BatchCursor cursor) {
        return new TrainingState(
                stepNumber,
                optimizer.updates(),
                cursor.epoch(),
                cursor.position(),
                s.seed(),
                s.schedule(),
                s.bestValidationLoss(),
                s.bestStep());
    }

    private static TrainingState withBest(TrainingState s, EvaluationResult evaluation) {
        if (!s.isBest(evaluation.validationLoss())) {
            return s;
        }
        return new TrainingState(
                s.step(),
                s.optimizerUpdates(),
                s.dataEpoch(),
                s.dataPosition(),
                s.seed(),
                s.schedule(),
                evaluation.validationLoss(),
                evaluation.step());
    }

    private void publish(StepProgress progress) {
        listeners.forEach(l -> l.onStep(progress));
    }

    /** Tokens per second of the last step and an ETA from the mean step time so far. */
    private static final class StepClock {
        private final long stepsToRun;
        private long stepsDone;
        private final long started = System.nanoTime();
        private long lastStepStart = started;
        private double tokensPerSecond;

        StepClock(long stepsToRun) {
            this.stepsToRun = stepsToRun;
        }

        void stepDone(int tokens) {
            long now = System.nanoTime();
            tokensPerSecond = tokens / Math.max(1e-9, (now - lastStepStart) / 1e9);
            lastStepStart = now;
            stepsDone++;
        }

        double tokensPerSecond() {
            return tokensPerSecond;
        }

        Duration eta() {
            long elapsed = System.nanoTime() - started;
            return Duration.ofNanos(elapsed / Math.max(1, stepsDone) * Math.max(0, stepsToRun - stepsDone));
        }
    }
}
