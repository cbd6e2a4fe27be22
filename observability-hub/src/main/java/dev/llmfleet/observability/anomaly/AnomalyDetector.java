package dev.llmfleet.observability.anomaly;

import dev.llmfleet.api.observability.Anomaly;
import dev.llmfleet.api.observability.AnomalyKind;
import dev.llmfleet.observability.ObservabilityProperties;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learns a baseline per series and flags the points that leave it. After {@code warmUp} points, a
 * point more than {@code deviations} standard deviations from the exponentially weighted mean is an
 * anomaly. A loss that goes NaN or infinite, or jumps to {@code lossJumpFactor} times its previous
 * value, is flagged at once, warm-up or not.
 *
 * <p>Flagged points do not enter the baseline, so one spike does not blind the detector to the next;
 * after {@code warmUp} flagged points in a row the series is taken to have a new level and the
 * baseline starts again.
 */
public class AnomalyDetector {

    private final ObservabilityProperties.Anomaly settings;
    private final Map<String, Series> series = new ConcurrentHashMap<>();

    public AnomalyDetector(ObservabilityProperties.Anomaly settings) {
        this.settings = settings;
    }

    /** Adds a point to its series; returns the anomaly when it is one. */
    public Optional<Anomaly> observe(AnomalyKind kind, String name, double value, Instant at) {
        String key = kind + ":" + name;
        Series s = series.computeIfAbsent(key, k -> new Series(new EwmaBaseline(settings.alpha())));
        synchronized (s) {
            return s.observe(kind, key, value, at);
        }
    }

    /** Forgets a series (a finished run, a device that left). */
    public void forget(AnomalyKind kind, String name) {
        series.remove(kind + ":" + name);
    }

    private final class Series {
        private EwmaBaseline baseline;
        private double previous = Double.NaN;
        private int flaggedInARow;

        Series(EwmaBaseline baseline) {
            this.baseline = baseline;
        }

        Optional<Anomaly> observe(AnomalyKind kind, String key, double value, Instant at) {
            double expected = baseline.count() == 0 ? Double.NaN : baseline.mean();
            if (!Double.isFinite(value)) {
                return Optional.of(
                        new Anomaly(kind, key, value, expected, Double.POSITIVE_INFINITY, "not-a-number", at));
            }
            boolean jump = kind == AnomalyKind.LOSS && previous > 0 && value >= previous * settings.lossJumpFactor();
            previous = value;
            if (jump) {
                flaggedInARow++;
                return Optional.of(new Anomaly(kind, key, value, expected, Double.POSITIVE_INFINITY, "jump", at));
            }
            if (baseline.count() >= settings.warmUp()) {
                double deviations = baseline.deviations(value);
                if (deviations > settings.deviations()) {
                    if (++flaggedInARow >= settings.warmUp()) {
                        baseline = new EwmaBaseline(settings.alpha());
                        baseline.add(value);
                        flaggedInARow = 0;
                    }
                    return Optional.of(new Anomaly(kind, key, value, expected, deviations, "deviation", at));
                }
            }
            flaggedInARow = 0;
            baseline.add(value);
            return Optional.empty();
        }
    }
}
