package dev.llmfleet.trainer.engine;

/**
 * Linear warm-up from near zero to the peak, then to the floor at the last step along a cosine or a
 * line, or the peak held ({@code kind}; a run saved before kinds existed is cosine).
 */
record LearningRateSchedule(
        double peak, double floor, int warmupSteps, int totalSteps, TrainingSettings.Schedule kind) {

    LearningRateSchedule {
        kind = kind == null ? TrainingSettings.Schedule.COSINE : kind;
    }

    LearningRateSchedule(double peak, double floor, int warmupSteps, int totalSteps) {
        this(peak, floor, warmupSteps, totalSteps, TrainingSettings.Schedule.COSINE);
    }

    /** The rate for 1-based optimizer step {@code step}. */
    double at(long step) {
        if (step <= warmupSteps) {
            return peak * step / Math.max(1, warmupSteps);
        }
        double progress = Math.min(1.0, (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
        double remaining = switch (kind) {
            case COSINE -> 0.5 * (1 + Math.cos(Math.PI * progress));
            case LINEAR -> 1 - progress;
            case CONSTANT -> 1;
        };
        return floor + (peak - floor) * remaining;
    }
}
