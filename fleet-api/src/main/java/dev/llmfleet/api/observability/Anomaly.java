package dev.llmfleet.api.observability;

import java.time.Instant;

/**
 * A point the anomaly detector flagged.
 *
 * @param series the series it belongs to, e.g. {@code loss:run-42}
 * @param value the flagged value (may be NaN)
 * @param expected the baseline's mean when the point arrived
 * @param deviations how many standard deviations away it was; infinite for a NaN or a jump
 * @param reason {@code deviation}, {@code not-a-number} or {@code jump}
 */
public record Anomaly(
        AnomalyKind kind, String series, double value, double expected, double deviations, String reason, Instant at) {}
