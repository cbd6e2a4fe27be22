package dev.llmfleet.model;

import ai.djl.ndarray.NDArray;

/**
 * Changes the output of a linear projection ({@code h.0.attn.qkv}, {@code model.layers.1.mlp.up_proj}, ...) given
 * its input; low-rank adapters add their update here without touching the base weights.
 */
@FunctionalInterface
public interface ProjectionAdapter {

    ProjectionAdapter NONE = (name, input, projected) -> projected;

    /**
     * @param name the projection's parameter prefix, e.g. {@code h.0.attn.qkv}
     * @param input what the projection read, {@code (..., in)}
     * @param projected what the base weights produced, {@code (..., out)}
     */
    NDArray adapt(String name, NDArray input, NDArray projected);
}
