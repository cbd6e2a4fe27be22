package dev.llmfleet.api.scheduler;

/** The optimizer whose state sits on the device; {@code NONE} for evaluation and generation. */
public enum Optimizer {
    /** Two fp32 moments per trainable parameter. */
    ADAMW(8),
    /** Two 8-bit moments per trainable parameter. */
    ADAMW_8BIT(2),
    /** One fp32 momentum per trainable parameter. */
    SGD_MOMENTUM(4),
    SGD(0),
    NONE(0);

    private final int stateBytesPerParameter;

    Optimizer(int stateBytesPerParameter) {
        this.stateBytesPerParameter = stateBytesPerParameter;
    }

    public int stateBytesPerParameter() {
        return stateBytesPerParameter;
    }
}
