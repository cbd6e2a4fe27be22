package dev.llmfleet.api.scheduler;

/** The numeric precision of weights and activations; {@code bytes} per element. */
public enum Precision {
    FP32(4),
    FP16(2),
    BF16(2),
    INT8(1);

    private final int bytes;

    Precision(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }
}
