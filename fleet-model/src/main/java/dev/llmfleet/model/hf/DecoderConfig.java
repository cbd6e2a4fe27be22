package dev.llmfleet.model.hf;

import dev.llmfleet.model.ModelConfig;
import dev.llmfleet.model.ModelJson;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code config.json} of a Llama-family decoder: {@code qwen3} (per-head RMSNorm of q and k),
 * {@code qwen2} (biases on q, k and v) and {@code llama} (optional attention and MLP biases). All
 * three are pre-norm blocks of grouped-query attention with rotary positions and a SwiGLU MLP.
 * Anything the fleet does not implement is refused here, naming the field, before a weight is read.
 *
 * @param raw the file as it was read, written back unchanged with the model's weights
 */
public record DecoderConfig(
        String modelType,
        int vocabSize,
        int hiddenSize,
        int intermediateSize,
        int layers,
        int heads,
        int kvHeads,
        int headDim,
        int maxPositionEmbeddings,
        double rmsNormEps,
        RopeScaling rope,
        boolean tieWordEmbeddings,
        boolean qkvBias,
        boolean outputBias,
        boolean mlpBias,
        boolean qkNorm,
        TensorType dtype,
        JsonNode raw)
        implements ModelConfig {

    public static final String FILE_NAME = "config.json";
    public static final List<String> FAMILIES = List.of("qwen3", "qwen2", "llama");
    private static final Set<String> ROPE_TYPES = Set.of(RopeScaling.DEFAULT, RopeScaling.LINEAR, RopeScaling.LLAMA3);

    /** Reads and checks {@code config.json}; the message of any refusal names the field. */
    public static DecoderConfig parse(String json) {
        return from(JsonFields.parse(FILE_NAME, json));
    }

    private static DecoderConfig from(JsonFields f) {
        String type = f.string("model_type");
        if (!FAMILIES.contains(type)) {
            throw f.refuse("model_type", "is '" + type + "'; the fleet runs " + String.join(", ", FAMILIES));
        }
        if (f.has("quantization_config")) {
            throw f.refuse("quantization_config", "is set; the fleet runs unquantized BF16, F16 or F32 weights");
        }
        String activation = f.string("hidden_act", "silu");
        if (!activation.equals("silu")) {
            throw f.refuse("hidden_act", "is '" + activation + "'; the fleet implements silu (SwiGLU)");
        }
        refuseSlidingWindow(f);
        int hidden = f.positiveInt("hidden_size");
        int heads = f.positiveInt("num_attention_heads");
        int kvHeads = f.positiveInt("num_key_value_heads", heads);
        if (heads % kvHeads != 0) {
            throw f.refuse("num_key_value_heads", "(" + kvHeads + ") must divide num_attention_heads (" + heads + ")");
        }
        if (!f.has("head_dim") && hidden % heads != 0) {
            throw f.refuse(
                    "num_attention_heads",
                    "(" + heads + ") must divide hidden_size (" + hidden + ") when head_dim is not given");
        }
        int headDim = f.positiveInt("head_dim", hidden / heads);
        if (headDim % 2 != 0) {
            throw f.refuse("head_dim", "(" + headDim + ") must be even for rotary positions");
        }
        boolean attentionBias = f.bool("attention_bias", false);
        boolean qwen2 = type.equals("qwen2");
        return new DecoderConfig(
                type,
                f.positiveInt("vocab_size"),
                hidden,
                f.positiveInt("intermediate_size"),
                f.positiveInt("num_hidden_layers"),
                heads,
                kvHeads,
                headDim,
                f.positiveInt("max_position_embeddings"),
                f.positiveNumber("rms_norm_eps", 1e-6),
                rope(f),
                f.bool("tie_word_embeddings", false),
                qwen2 || attentionBias,
                !qwen2 && attentionBias,
                type.equals("llama") && f.bool("mlp_bias", false),
                type.equals("qwen3"),
                dtype(f),
                f.root());
    }

    private static void refuseSlidingWindow(JsonFields f) {
        if (f.bool("use_sliding_window", false)) {
            throw f.refuse("use_sliding_window", "is true; the fleet implements full attention only");
        }
        if (f.has("layer_types")) {
            for (JsonNode layerType : f.root().get("layer_types")) {
                if (!"full_attention".equals(layerType.asString(""))) {
                    throw f.refuse(
                            "layer_types",
                            "holds '" + layerType.asString("") + "'; the fleet implements"
                                    + " full_attention layers only");
                }
            }
        }
    }

    /** {@code rope_theta} and {@code rope_scaling}, or transformers 5's {@code rope_parameters} holding both. */
    private static RopeScaling rope(JsonFields f) {
        JsonFields scaling = null;
        String scalingField = "rope_scaling";
        double theta = f.positiveNumber("rope_theta", 10000);
        if (f.has("rope_parameters")) {
            scaling = f.object("rope_parameters");
            scalingField = "rope_parameters";
            theta = scaling.positiveNumber("rope_theta", theta);
        } else if (f.has("rope_scaling")) {
            scaling = f.object("rope_scaling");
        }
        if (scaling == null) {
            return RopeScaling.none(theta);
        }
        String type = scaling.string("rope_type", scaling.string("type", RopeScaling.DEFAULT));
        if (!ROPE_TYPES.contains(type)) {
            throw f.refuse(
                    scalingField + ".rope_type",
                    "is '" + type + "'; the fleet implements "
                            + String.join(", ", ROPE_TYPES.stream().sorted().toList()));
        }
        return switch (type) {
            case RopeScaling.LINEAR -> new RopeScaling(theta, type, required(scaling, "factor"), 0, 0, 0);
            case RopeScaling.LLAMA3 ->
                new RopeScaling(
                        theta,
                        type,
                        required(scaling, "factor"),
                        required(scaling, "low_freq_factor"),
                        required(scaling, "high_freq_factor"),
                        scaling.positiveInt("original_max_position_embeddings"));
            default -> RopeScaling.none(theta);
        };
    }

    private static double required(JsonFields f, String field) {
        double value = f.positiveNumber(field, Double.NaN);
        if (Double.isNaN(value)) {
            throw f.refuse(field, "is missing");
        }
        return value;
    }

    /** {@code torch_dtype} (transformers 4) or {@code dtype} (transformers 5); float32 when absent, as transformers assumes. */
    private static TensorType dtype(JsonFields f) {
        String field = f.has("torch_dtype") ? "torch_dtype" : "dtype";
        if (!f.has(field)) {
            return TensorType.F32;
        }
        String name = f.string(field);
        return TensorType.ofConfig(name)
                .orElseThrow(() -> f.refuse(field, "is '" + name + "'; the fleet reads bfloat16, float16 and float32"));
    }

    @Override
    public String family() {
        return modelType;
    }

    @Override
    public int contextLength() {
        return maxPositionEmbeddings;
    }

    /** Query heads per KV head. */
    public int groups() {
        return heads / kvHeads;
    }

    public String toJson() {
        return ModelJson.MAPPER.writeValueAsString(raw);
    }

    /**
     * This config storing its weights as {@code type}: the dtype field the file has ({@code
     * torch_dtype} or transformers 5's {@code dtype}; {@code torch_dtype} when it has none) set to
     * the type's name, every other field as it was.
     */
    public DecoderConfig withDtype(TensorType type) {
        ObjectNode copy = (ObjectNode) raw.deepCopy();
        copy.put(copy.has("dtype") && !copy.has("torch_dtype") ? "dtype" : "torch_dtype", type.configName());
        return new DecoderConfig(
                modelType,
                vocabSize,
                hiddenSize,
                intermediateSize,
                layers,
                heads,
                kvHeads,
                headDim,
                maxPositionEmbeddings,
                rmsNormEps,
                rope,
                tieWordEmbeddings,
                qkvBias,
                outputBias,
                mlpBias,
                qkNorm,
                type,
                copy);
    }
}
