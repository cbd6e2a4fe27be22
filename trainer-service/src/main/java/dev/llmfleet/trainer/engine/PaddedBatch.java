package dev.llmfleet.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.llmfleet.model.chat.TokenSequence;
import java.util.List;

/**
 * Inputs, next-token targets and the loss mask for a batch, padded to its longest sequence (not to
 * max length, which would waste compute on short chat turns).
 */
record PaddedBatch(long[] inputs, long[] targets, float[] mask, int rows, int length, int tokens) {

    static PaddedBatch of(List<TokenSequence> sequences, int padId) {
        int length = sequences.stream().mapToInt(TokenSequence::length).max().orElse(1) - 1;
        int rows = sequences.size();
        long[] inputs = new long[rows * length];
        long[] targets = new long[rows * length];
        float[] mask = new float[rows * length];
        java.util.Arrays.fill(inputs, padId);
        java.util.Arrays.fill(targets, padId);
        int tokens = 0;
        for (int r = 0; r < rows; r++) {
            TokenSequence sequence = sequences.get(r);
            for (int t = 0; t + 1 < sequence.length(); t++) {
                inputs[r * length + t] = sequence.ids()[t];
                targets[r * length + t] = sequence.ids()[t + 1];
                mask[r * length + t] = sequence.learned()[t + 1] ? 1f : 0f;
                tokens++;
            }
        }
        return new PaddedBatch(inputs, targets, mask, rows, length, tokens);
    }

    NDArray inputs(NDManager manager) {
        return manager.create(inputs, new Shape(rows, length));
    }

    NDArray targets(NDManager manager) {
        return manager.create(targets, new Shape(rows, length));
    }

    NDArray mask(NDManager manager) {
        return manager.create(mask, new Shape(rows, length));
    }
}
