package dev.llmfleet.trainer.engine;

/**
 * The seam through which the service, metrics and the CLI follow a run. Called on the training
 * thread, so implementations hand work off rather than block.
 */
public interface TrainingListener {

    default void onStep(StepProgress progress) {}

    default void onEvaluation(EvaluationResult evaluation) {}

    default void onCheckpoint(CheckpointSaved checkpoint) {}
}
