package dev.llmfleet.observability.alert.rule;

/** How a rule compares a value with its threshold. A NaN value never satisfies a condition. */
public enum Condition {
    GT,
    LT,
    EQ,
    NE;

    public boolean holds(double value, double threshold) {
        if (Double.isNaN(value)) {
            return false;
        }
        return switch (this) {
            case GT -> value > threshold;
            case LT -> value < threshold;
            case EQ -> value == threshold;
            case NE -> value != threshold;
        };
    }

    public String symbol() {
        return switch (this) {
            case GT -> ">";
            case LT -> "<";
            case EQ -> "==";
            case NE -> "!=";
        };
    }
}
