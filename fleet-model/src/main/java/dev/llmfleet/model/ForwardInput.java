package dev.llmfleet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * One forward step's inputs. {@code positions} is {@code (T)} when all rows share positions or
 * {@code (B, T)} per row; {@code keyMask}, when present, is {@code (B, S)} over every key the step
 * sees (cached plus new) with 1 for real tokens and 0 for padding. Left padding plus per-row
 * positions and a key mask is how sequences of different lengths decode together in one batch.
 */
public record ForwardInput(NDArray tokens, NDArray positions, NDArray keyMask) {

    public static ForwardInput contiguous(NDArray tokens, int start) {
        int length = Math.toIntExact(tokens.getShape().get(1));
        NDArray positions = tokens.getManager().arange(start, start + length, 1, DataType.INT64);
        return new ForwardInput(tokens, positions, null);
    }

    /** Refuses a step that would take a sequence with {@code past} cached tokens beyond {@code contextLength}. */
    public void requireWithin(long past, int contextLength) {
        long total = past + tokens.getShape().get(1);
        if (total > contextLength) {
            throw new IllegalArgumentException(
                    "sequence of " + total + " tokens exceeds the context of " + contextLength);
        }
    }
}
