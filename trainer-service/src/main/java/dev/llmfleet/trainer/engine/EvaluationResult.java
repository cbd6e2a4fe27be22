package dev.llmfleet.trainer.engine;

/** Validation loss at a step, beside the mean training loss since the previous evaluation. */
public record EvaluationResult(long step, double trainingLoss, double validationLoss) {

    /** Validation minus training loss: growing means the model memorises rather than generalises. */
    public double gap() {
        return validationLoss - trainingLoss;
    }
}
