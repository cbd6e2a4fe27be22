package dev.llmfleet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.generate.KvCache;
import java.util.List;

/**
 * A decoder that maps token ids to next-token logits. Parameters are plain NDArrays the model
 * owns, so optimizers, checkpoints and LoRA adapters can reach each one by name.
 */
public interface CausalLanguageModel extends AutoCloseable {

    ModelConfig config();

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

    default NDArray forward(ForwardInput input, KvCache cache) {
        return forward(input, cache, ProjectionAdapter.NONE);
    }

    /** The forward pass with {@code adapter} applied to every linear projection (LoRA). */
    NDArray forward(ForwardInput input, KvCache cache, ProjectionAdapter adapter);

    /**
     * The parameter prefixes of the linear projections an adapter may target, e.g.
     * {@code model.layers.0.self_attn.q_proj} (its weight is {@code <prefix>.weight}).
     */
    List<String> projections();

    /** A model of the same shape in a child of {@code parent}, with copies of these weights. */
    CausalLanguageModel copy(NDManager parent);

    /** An empty cache for {@code batchSize} sequences, living in {@code manager}. */
    default KvCache newCache(NDManager manager, int batchSize) {
        return new KvCache(manager, config().layers(), batchSize);
    }

    @Override
    void close();
}
