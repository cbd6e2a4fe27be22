package dev.llmfleet.trainer.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * How a run ended. {@code losses} holds the training loss of each step this invocation ran, in
 * order; {@code evaluations} every validation pass.
 */
public record TrainingResult(
        long finalStep,
        List<Double> losses,
        List<EvaluationResult> evaluations,
        Path lastCheckpoint,
        Path bestCheckpoint,
        boolean stoppedEarly) {

    public TrainingResult {
        losses = List.copyOf(losses);
        evaluations = List.copyOf(evaluations);
    }
}
