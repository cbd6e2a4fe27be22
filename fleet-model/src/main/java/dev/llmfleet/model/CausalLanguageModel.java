package dev.llmfleet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.generate.KvCache;
import dev.llmfleet.model.gpt.GptConfig;

/**
 * A decoder that maps token ids to next-token logits. Parameters are plain NDArrays the model
 * owns, so optimizers, checkpoints and LoRA adapters can reach each one by name.
 */
public interface CausalLanguageModel extends AutoCloseable {

    GptConfig config();

    ModelParameters parameters();

    /** The manager that owns the parameters; callers open sub-managers of it for each step. */
    NDManager manager();

    /**
     * Logits {@code (B, T, V)} for tokens {@code (B, T)} that follow whatever {@code cache} already
     * holds (nothing when null). All rows share the same positions; see {@link #forward(ForwardInput, KvCache)}
     * for per-row positions and padding masks.
     */
    default NDArray forward(NDArray tokens, KvCache cache) {
        return forward(ForwardInput.contiguous(tokens, cache == null ? 0 : cache.length()), cache);
    }

    NDArray forward(ForwardInput input, KvCache cache);

    /** An empty cache for {@code batchSize} sequences, living in {@code manager}. */
    KvCache newCache(NDManager manager, int batchSize);

    @Override
    void close();
}
