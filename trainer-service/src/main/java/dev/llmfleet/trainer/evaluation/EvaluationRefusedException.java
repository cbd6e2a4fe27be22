package dev.llmfleet.trainer.evaluation;

/**
 * An evaluation that cannot run as asked: its checkpoint is outside the data folder, missing,
 * damaged or without its base, or its questions do not fit the model. Retrying would not help.
 */
public final class EvaluationRefusedException extends RuntimeException {

    private EvaluationRefusedException(String message) {
        super(message);
    }

    static EvaluationRefusedException outsideDataFolder(String checkpoint) {
        return new EvaluationRefusedException(
                "checkpoint " + checkpoint + " is not a folder inside the trainer's data folder");
    }

    static EvaluationRefusedException missing(String checkpoint) {
        return new EvaluationRefusedException("checkpoint " + checkpoint + " does not exist on this host");
    }

    static EvaluationRefusedException unreadable(String checkpoint, String why) {
        return new EvaluationRefusedException("checkpoint " + checkpoint + " is damaged: " + why);
    }

    static EvaluationRefusedException unloadable(String checkpoint, String why) {
        return new EvaluationRefusedException("the model in checkpoint " + checkpoint + " cannot be loaded: " + why);
    }

    static EvaluationRefusedException noBase(String checkpoint, String baseManifestSha256) {
        return new EvaluationRefusedException("checkpoint " + checkpoint + " is an adapter whose base (manifest "
                + baseManifestSha256 + ") is not an existing version");
    }

    static EvaluationRefusedException noQuestions() {
        return new EvaluationRefusedException("the evaluation has no questions");
    }

    static EvaluationRefusedException badMaxNewTokens(int maxNewTokens) {
        return new EvaluationRefusedException("maxNewTokens must be at least 1, not " + maxNewTokens);
    }

    static EvaluationRefusedException incompleteQuestion(int index) {
        return new EvaluationRefusedException("question " + index + " has no prompt or no answer");
    }

    static EvaluationRefusedException tooLong(int index, int tokens, int contextLength) {
        return new EvaluationRefusedException("question " + index + " with its answer is " + tokens
                + " tokens, more than the model's context of " + contextLength);
    }
}
