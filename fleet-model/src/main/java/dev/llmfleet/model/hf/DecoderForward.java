package dev.llmfleet.model.hf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import dev.llmfleet.model.AttentionMask;
import dev.llmfleet.model.ForwardInput;
import dev.llmfleet.model.ModelParameters;
import dev.llmfleet.model.ProjectionAdapter;
import dev.llmfleet.model.Scalar;
import dev.llmfleet.model.generate.KvCache;

/**
 * The forward pass of {@link DecoderModel}, step for step as transformers' modeling code does it:
 * RMSNorm, attention with per-head q/k norm (Qwen3), rotary positions by halves, grouped-query
 * attention, SwiGLU MLP, final norm and output head. Every intermediate array is created from an
 * array of the caller's step (never from a weight or a cache entry first), so it lands in the step's
 * manager; when no gradients are recorded each layer runs in a scope of its own that is freed as soon
 * as the layer's output exists, so a long prompt holds one layer's activations at a time, not all.
 */
final class DecoderForward {

    private final DecoderModel model;
    private final DecoderConfig config;
    private final ModelParameters parameters;
    private final ProjectionAdapter adapter;
    private final float scale;

    DecoderForward(DecoderModel model, ProjectionAdapter adapter) {
        this.model = model;
        this.config = model.config();
        this.parameters = model.parameters();
        this.adapter = adapter;
        this.scale = (float) (1.0 / Math.sqrt(config.headDim()));
    }

    NDArray apply(ForwardInput input, KvCache cache) {
        NDArray tokens = input.tokens();
        long past = cache == null ? 0 : cache.length();
        long length = tokens.getShape().get(1);
        input.requireWithin(past, config.contextLength());
        NDArray x = Embedding.embedding(tokens, parameters.get(DecoderLayout.EMBEDDINGS), SparseFormat.DENSE)
                .singletonOrThrow();
        Rotary rotary = rotary(input.positions());
        NDArray mask = AttentionMask.of(tokens.getManager(), past, length, input.keyMask());
        boolean training = JniUtils.isGradMode();
        NDManager step = tokens.getManager();
        for (int layer = 0; layer < config.layers(); layer++) {
            if (training) {
                x = block(layer, x, rotary, mask, cache);
                continue;
            }
            try (NDManager scope = step.newSubManager()) {
                // The layer's input and everything made from it die with the scope; only its output survives.
                x.attach(scope);
                NDArray out = block(layer, x, rotary, mask, cache);
                out.attach(step);
                x = out;
            }
        }
        x = rmsNorm(x, parameters.get(DecoderLayout.FINAL_NORM));
        return Linear.linear(x, model.outputHead()).singletonOrThrow();
    }

    private NDArray block(int layer, NDArray x, Rotary rotary, NDArray mask, KvCache cache) {
        String p = DecoderLayout.layer(layer);
        NDArray attended =
                attention(layer, rmsNorm(x, parameters.get(p + "input_layernorm.weight")), rotary, mask, cache);
        x = x.add(attended);
        NDArray h = rmsNorm(x, parameters.get(p + "post_attention_layernorm.weight"));
        NDArray gate = project(p + "mlp.gate_proj", h);
        NDArray activated = gate.mul(Activation.sigmoid(gate)).mul(project(p + "mlp.up_proj", h));
        return x.add(project(p + "mlp.down_proj", activated));
    }

    private NDArray attention(int layer, NDArray h, Rotary rotary, NDArray mask, KvCache cache) {
        String p = DecoderLayout.layer(layer) + "self_attn.";
        long batch = h.getShape().get(0);
        long length = h.getShape().get(1);
        NDArray q = heads(project(p + "q_proj", h), batch, length, config.heads());
        NDArray k = heads(project(p + "k_proj", h), batch, length, config.kvHeads());
        NDArray v = project(p + "v_proj", h)
                .reshape(batch, length, config.kvHeads(), config.headDim())
                .transpose(0, 2, 1, 3);
        if (config.qkNorm()) {
            q = rmsNorm(q, parameters.get(p + "q_norm.weight"));
            k = rmsNorm(k, parameters.get(p + "k_norm.weight"));
        }
        q = rotary.apply(q.transpose(0, 2, 1, 3));
        k = rotary.apply(k.transpose(0, 2, 1, 3));
        if (cache != null) {
            NDArray[] history = cache.append(layer, k, v);
            k = history[0];
            v = history[1];
        }
        k = k.expandDims(2);
        v = v.expandDims(2);
        NDArray out = config.groups() == 1 ? attend(q, k, v, mask) : attendGrouped(q, k, v, mask, batch, length);
        out = out.transpose(0, 2, 1, 3).reshape(batch, length, (long) config.heads() * config.headDim());
        return project(p + "o_proj", out);
    }

    /** {@code (B, T, heads * D)} to {@code (B, T, heads, D)}; the norm of q and k is per head, before the transpose. */
    private NDArray heads(NDArray projected, long batch, long length, int heads) {
        return projected.reshape(batch, length, heads, config.headDim());
    }

    /** {@code k} and {@code v} come with a group axis, {@code (B, kvHeads, 1, S, D)}. */
    private NDArray attend(NDArray q, NDArray k, NDArray v, NDArray mask) {
        NDArray keys = k.squeeze(2).transpose(0, 1, 3, 2);
        NDArray scores = Scalar.times(q.matMul(keys), scale).add(mask);
        return scores.softmax(-1).matMul(v.squeeze(2));
    }

    /** Each KV head serves {@code groups} query heads: queries are grouped instead of keys repeated. */
    private NDArray attendGrouped(NDArray q, NDArray k, NDArray v, NDArray mask, long batch, long length) {
        int groups = config.groups();
        NDArray grouped = q.reshape(batch, config.kvHeads(), groups, length, config.headDim());
        NDArray keys = k.transpose(0, 1, 2, 4, 3);
        NDArray groupMask = mask.getShape().dimension() == 4 ? mask.expandDims(1) : mask;
        NDArray scores = Scalar.times(grouped.matMul(keys), scale).add(groupMask);
        NDArray out = scores.softmax(-1).matMul(v);
        return out.reshape(batch, config.heads(), length, config.headDim());
    }

    /** A linear projection by parameter prefix, with its bias when the config has one; the seam for LoRA. */
    private NDArray project(String name, NDArray x) {
        NDArray weight = parameters.get(name + ".weight");
        NDArray projected = parameters
                .find(name + ".bias")
                .map(bias -> Linear.linear(x, weight, bias))
                .orElseGet(() -> Linear.linear(x, weight))
                .singletonOrThrow();
        return adapter.adapt(name, x, projected);
    }

    /** {@code x / sqrt(mean(x^2) + eps) * weight} over the last axis, in float32. */
    private NDArray rmsNorm(NDArray x, NDArray weight) {
        NDArray variance = x.square().mean(new int[] {-1}, true);
        return x.div(variance.add(Scalar.like(variance, config.rmsNormEps())).sqrt())
                .mul(weight);
    }

    private Rotary rotary(NDArray positions) {
        NDArray angles =
                positions.toType(DataType.FLOAT32, false).expandDims(-1).mul(model.inverseFrequencies());
        NDArray doubled = angles.concat(angles, -1);
        NDArray cos = doubled.cos();
        NDArray sin = doubled.sin();
        if (positions.getShape().dimension() == 2) {
            // Per-row positions (B, T): one table per row, broadcast over the heads.
            cos = cos.expandDims(1);
            sin = sin.expandDims(1);
        }
        return new Rotary(cos, sin);
    }

    /** Rotary position embedding by halves ({@code rotate_half}), as the Llama family applies it. */
    private record Rotary(NDArray cos, NDArray sin) {
        NDArray apply(NDArray x) {
            int last = x.getShape().dimension() - 1;
            NDList halves = x.split(2, last);
            NDArray rotated = halves.get(1).neg().concat(halves.get(0), last);
            return x.mul(cos).add(rotated.mul(sin));
        }
    }
}
