package dev.llmfleet.trainer.engine;

import dev.llmfleet.model.ModelJson;

/**
 * {@code training-state.json}: where a run stands, enough to continue it exactly. The data order
 * is a pure function of (seed, epoch), so (epoch, position) is the whole random state.
 */
record TrainingState(
        long step,
        long optimizerUpdates,
        int dataEpoch,
        int dataPosition,
        long seed,
        LearningRateSchedule schedule,
        double bestValidationLoss,
        long bestStep) {

    static final String FILE_NAME = "training-state.json";

    static TrainingState start(long seed, LearningRateSchedule schedule) {
        return new TrainingState(0, 0, 0, 0, seed, schedule, 0, -1);
    }

    /** Whether {@code validationLoss} beats the best so far (any loss beats none). */
    boolean isBest(double validationLoss) {
        return bestStep < 0 || validationLoss < bestValidationLoss;
    }

    String toJson() {
        return ModelJson.MAPPER.writeValueAsString(this);
    }

    static TrainingState fromJson(String json) {
        return ModelJson.MAPPER.readValue(json, TrainingState.class);
    }
}
