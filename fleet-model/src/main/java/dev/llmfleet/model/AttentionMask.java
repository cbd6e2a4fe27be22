package dev.llmfleet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** The additive attention mask every family uses: causal over the cache and the new tokens, never padding. */
public final class AttentionMask {

    /** Added to a score that must get no weight; large enough that softmax gives it exactly zero. */
    public static final float MASKED = -1e9f;

    private AttentionMask() {}

    /**
     * {@code (T, S)} when no row is padded, else {@code (B, 1, T, S)}: new position {@code i}
     * (absolute {@code past + i}) sees keys up to itself, and no key whose {@code keyMask} is 0.
     */
    public static NDArray of(NDManager manager, long past, long length, NDArray keyMask) {
        int rows = Math.toIntExact(length);
        int keys = Math.toIntExact(past + length);
        float[] causal = new float[rows * keys];
        for (int i = 0; i < rows; i++) {
            for (int j = (int) past + i + 1; j < keys; j++) {
                causal[i * keys + j] = MASKED;
            }
        }
        NDArray mask = manager.create(causal, new Shape(rows, keys));
        if (keyMask == null) {
            return mask;
        }
        NDArray padding =
                keyMask.sub(1f).neg().mul(MASKED).reshape(keyMask.getShape().get(0), 1, 1, keys);
        return mask.add(padding);
    }
}
