package dev.llmfleet.model.gpt;

import ai.djl.ndarray.NDArray;
import dev.llmfleet.model.Scalar;

/** Next-token cross-entropy averaged over the positions the mask keeps (assistant tokens in chat data). */
public final class LanguageModelLoss {

    private LanguageModelLoss() {}

    /**
     * @param logits {@code (B, T, V)}
     * @param targets {@code (B, T)} int64 ids of the next token
     * @param mask {@code (B, T)} float32, 1 where the target counts
     */
    public static NDArray maskedCrossEntropy(NDArray logits, NDArray targets, NDArray mask) {
        NDArray logProbabilities = logits.logSoftmax(-1);
        NDArray picked = logProbabilities.gather(targets.expandDims(-1), -1).squeeze(-1);
        // Clamp the denominator so a batch with nothing to learn gives 0, not NaN.
        return picked.mul(mask).sum().neg().div(mask.sum().maximum(Scalar.like(mask, 1)));
    }
}
