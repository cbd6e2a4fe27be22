package dev.llmfleet.observability.anomaly;

/**
 * An exponentially weighted mean and variance (West's incremental form): each new point moves the
 * mean by {@code alpha} of its distance, and the variance likewise, so the baseline follows slow
 * drift and forgets old behaviour.
 */
final class EwmaBaseline {

    private final double alpha;
    private double mean;
    private double variance;
    private long count;

    EwmaBaseline(double alpha) {
        this.alpha = alpha;
    }

    void add(double value) {
        if (count == 0) {
            mean = value;
            variance = 0;
        } else {
            double diff = value - mean;
            double increment = alpha * diff;
            mean += increment;
            variance = (1 - alpha) * (variance + diff * increment);
        }
        count++;
    }

    /** How many standard deviations {@code value} is from the mean; 0 when the series has not varied yet. */
    double deviations(double value) {
        double sd = Math.sqrt(variance);
        // a flat series has no spread: a tiny floor keeps a constant series from flagging float noise
        double floor = Math.max(Math.abs(mean) * 1e-9, 1e-12);
        return Math.abs(value - mean) / Math.max(sd, floor);
    }

    double mean() {
        return mean;
    }

    long count() {
        return count;
    }
}
