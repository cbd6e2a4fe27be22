package dev.llmfleet.api.orchestrator;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * What the worker of an evaluation job reports back, one result per suite question.
 *
 * @param step the checkpoint's training step
 * @param trainLoss the training loss recorded with the checkpoint, when known
 * @param validationLoss the mean answer loss over every question (the suite's validation loss)
 * @param tookMillis how long the evaluation ran
 */
public record EvaluationReport(
        @NotNull List<EvaluationItemResult> results,
        long step,
        Double trainLoss,
        double validationLoss,
        long tookMillis) {

    public EvaluationReport {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
