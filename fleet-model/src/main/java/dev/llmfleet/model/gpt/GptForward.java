package dev.llmfleet.model.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import dev.llmfleet.model.AttentionMask;
import dev.llmfleet.model.ForwardInput;
import dev.llmfleet.model.ModelParameters;
import dev.llmfleet.model.ProjectionAdapter;
import dev.llmfleet.model.Scalar;
import dev.llmfleet.model.generate.KvCache;

/**
 * The forward pass over the model's named parameters. Every intermediate array is created from
 * the input tokens, so it lands in the caller's (step) manager and is freed with it.
 */
final class GptForward {

    private final GptConfig config;
    private final ModelParameters parameters;
    private final ProjectionAdapter adapter;

    GptForward(GptConfig config, ModelParameters parameters, ProjectionAdapter adapter) {
        this.config = config;
        this.parameters = parameters;
        this.adapter = adapter;
    }

    NDArray apply(ForwardInput input, KvCache cache) {
        NDArray tokens = input.tokens();
        long past = cache == null ? 0 : cache.length();
        long length = tokens.getShape().get(1);
        input.requireWithin(past, config.contextLength());
        NDArray x = embed(tokens, input.positions());
        NDArray mask = AttentionMask.of(tokens.getManager(), past, length, input.keyMask());
        for (int layer = 0; layer < config.layers(); layer++) {
            x = block(layer, x, mask, cache);
        }
        x = norm("ln_f", x);
        // The output head is the token embedding itself (weight tying).
        return Linear.linear(x, parameters.get("wte")).singletonOrThrow();
    }

    private NDArray embed(NDArray tokens, NDArray positions) {
        NDArray tokenVectors = lookup(tokens, parameters.get("wte"));
        return tokenVectors.add(lookup(positions, parameters.get("wpe")));
    }

    private static NDArray lookup(NDArray ids, NDArray table) {
        return Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }

    private NDArray block(int layer, NDArray x, NDArray mask, KvCache cache) {
        String prefix = "h." + layer + ".";
        NDArray attended = attention(layer, norm(prefix + "ln1", x), mask, cache);
        x = x.add(project(prefix + "attn.proj", attended));
        NDArray hidden = Activation.gelu(project(prefix + "mlp.fc", norm(prefix + "ln2", x)));
        return x.add(project(prefix + "mlp.proj", hidden));
    }

    private NDArray attention(int layer, NDArray x, NDArray mask, KvCache cache) {
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        NDList qkv = project("h." + layer + ".attn.qkv", x).split(3, 2);
        NDArray q = heads(qkv.get(0), batch, length);
        NDArray k = heads(qkv.get(1), batch, length);
        NDArray v = heads(qkv.get(2), batch, length);
        if (cache != null) {
            NDArray[] history = cache.append(layer, k, v);
            k = history[0];
            v = history[1];
        }
        NDArray scores = Scalar.times(q.matMul(k.transpose(0, 1, 3, 2)), 1.0 / Math.sqrt(config.headSize()));
        NDArray weights = scores.add(mask).softmax(-1);
        return weights.matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, config.hiddenSize());
    }

    private NDArray heads(NDArray projected, long batch, long length) {
        return projected
                .reshape(batch, length, config.heads(), config.headSize())
                .transpose(0, 2, 1, 3);
    }

    /** A linear projection by parameter prefix; the one seam where adapters (LoRA) hook in. */
    NDArray project(String name, NDArray x) {
        NDArray projected = Linear.linear(x, parameters.get(name + ".weight"), parameters.get(name + ".bias"))
                .singletonOrThrow();
        return adapter.adapt(name, x, projected);
    }

    private NDArray norm(String name, NDArray x) {
        return LayerNorm.layerNorm(
                        x,
                        new Shape(config.hiddenSize()),
                        parameters.get(name + ".gamma"),
                        parameters.get(name + ".beta"),
                        config.layerNormEps())
                .singletonOrThrow();
    }
}
