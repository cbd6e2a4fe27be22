package dev.llmfleet.trainer.engine;

/** Linear warm-up from near zero to the peak, then cosine decay to the floor at the last step. */
record LearningRateSchedule(double peak, double floor, int warmupSteps, int totalSteps) {

    /** The rate for 1-based optimizer step {@code step}. */
    double at(long step) {
        if (step <= warmupSteps) {
            return peak * step / Math.max(1, warmupSteps);
        }
        double progress = (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps);
        double cosine = 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, progress)));
        return floor + (peak - floor) * cosine;
    }
}
