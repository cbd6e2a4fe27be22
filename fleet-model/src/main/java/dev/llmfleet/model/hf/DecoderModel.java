package dev.llmfleet.model.hf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.ForwardInput;
import dev.llmfleet.model.ModelFormatException;
import dev.llmfleet.model.ModelParameters;
import dev.llmfleet.model.ProjectionAdapter;
import dev.llmfleet.model.generate.KvCache;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A Llama-family decoder ({@code qwen3}, {@code qwen2}, {@code llama}) whose weights are NDArrays
 * named as in the Hugging Face checkpoint ({@code model.layers.0.self_attn.q_proj.weight}, ...), so
 * they go back to safetensors under the same names. Weights are held in float32 for computation,
 * whatever dtype the files store.
 */
public final class DecoderModel implements CausalLanguageModel {

    private static final List<String> PROJECTIONS = List.of(
            "self_attn.q_proj",
            "self_attn.k_proj",
            "self_attn.v_proj",
            "self_attn.o_proj",
            "mlp.gate_proj",
            "mlp.up_proj",
            "mlp.down_proj");

    private final DecoderConfig config;
    private final NDManager manager;
    private final ModelParameters parameters = new ModelParameters();
    private final NDArray inverseFrequencies;

    private DecoderModel(DecoderConfig config, NDManager parent, Function<String, NDArray> weights) {
        this.config = config;
        this.manager = parent.newSubManager();
        try {
            for (Map.Entry<String, long[]> tensor :
                    DecoderLayout.tensors(config).entrySet()) {
                NDArray value = weights.apply(tensor.getKey());
                if (!Arrays.equals(value.getShape().getShape(), tensor.getValue())) {
                    throw ModelFormatException.tensor(
                            tensor.getKey(),
                            "has shape " + value.getShape() + ", the config needs "
                                    + Arrays.toString(tensor.getValue()));
                }
                NDArray stored =
                        value.getDataType() == DataType.FLOAT32 ? value : value.toType(DataType.FLOAT32, false);
                stored.attach(manager);
                parameters.add(tensor.getKey(), stored);
            }
            this.inverseFrequencies = manager.create(config.rope().inverseFrequencies(config.headDim()));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * A model whose tensor {@code name} comes from {@code weights.apply(name)} (any floating dtype,
     * in any manager: each is converted and moved into the model's own manager).
     */
    public static DecoderModel of(DecoderConfig config, NDManager parent, Function<String, NDArray> weights) {
        return new DecoderModel(config, parent, weights);
    }

    @Override
    public DecoderConfig config() {
        return config;
    }

    @Override
    public ModelParameters parameters() {
        return parameters;
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    NDArray inverseFrequencies() {
        return inverseFrequencies;
    }

    /** The output head: the token embedding itself when the config ties them. */
    NDArray outputHead() {
        return parameters.get(config.tieWordEmbeddings() ? DecoderLayout.EMBEDDINGS : DecoderLayout.OUTPUT_HEAD);
    }

    @Override
    public NDArray forward(ForwardInput input, KvCache cache, ProjectionAdapter adapter) {
        return new DecoderForward(this, adapter).apply(input, cache);
    }

    @Override
    public List<String> projections() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < config.layers(); i++) {
            for (String projection : PROJECTIONS) {
                names.add(DecoderLayout.layer(i) + projection);
            }
        }
        return names;
    }

    @Override
    public DecoderModel copy(NDManager parent) {
        return new DecoderModel(config, parent, name -> parameters.get(name).duplicate());
    }

    @Override
    public void close() {
        manager.close();
    }
}
