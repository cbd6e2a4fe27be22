package dev.llmfleet.model.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.ForwardInput;
import dev.llmfleet.model.ModelFamily;
import dev.llmfleet.model.ModelParameters;
import dev.llmfleet.model.ProjectionAdapter;
import dev.llmfleet.model.generate.KvCache;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A GPT-style decoder: token and position embeddings, pre-norm blocks of causal multi-head
 * self-attention and a GELU MLP, a final norm and an output head tied to the token embedding.
 * The weights are NDArrays this model owns, so gradients, optimizer state and adapters address
 * them by name ({@code h.0.attn.qkv.weight}, ...).
 */
public final class GptModel implements CausalLanguageModel {

    public static final String FAMILY = "gpt";

    /** The linear projections of each block, the targets LoRA knows for this family. */
    public static final List<String> PROJECTIONS = List.of("attn.qkv", "attn.proj", "mlp.fc", "mlp.proj");

    private final GptConfig config;
    private final NDManager manager;
    private final ModelParameters parameters = new ModelParameters();
    private final GptForward forward;

    private GptModel(GptConfig config, NDManager parent, long seed) {
        this.config = config;
        this.manager = parent.newSubManager();
        initialise(new SplittableRandom(seed));
        this.forward = new GptForward(config, parameters, ProjectionAdapter.NONE);
    }

    public static GptModel create(GptConfig config, NDManager parent, long seed) {
        return new GptModel(config, parent, seed);
    }

    public static ModelFamily family() {
        return new ModelFamily() {
            @Override
            public String name() {
                return FAMILY;
            }

            @Override
            public CausalLanguageModel create(GptConfig config, NDManager parent, long seed) {
                return GptModel.create(config, parent, seed);
            }
        };
    }

    @Override
    public GptConfig config() {
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

    @Override
    public NDArray forward(ForwardInput input, KvCache cache) {
        return forward.apply(input, cache);
    }

    @Override
    public NDArray forward(ForwardInput input, KvCache cache, ProjectionAdapter adapter) {
        return new GptForward(config, parameters, adapter).apply(input, cache);
    }

    @Override
    public List<String> projections() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < config.layers(); i++) {
            for (String projection : PROJECTIONS) {
                names.add("h." + i + "." + projection);
            }
        }
        return names;
    }

    @Override
    public CausalLanguageModel copy(NDManager parent) {
        GptModel copy = new GptModel(config, parent, 0);
        parameters.asMap().forEach((name, value) -> value.copyTo(copy.parameters.get(name)));
        return copy;
    }

    // Weights come from a Java RNG rather than the engine's so the same seed gives the same model on any device.
    private void initialise(SplittableRandom random) {
        int c = config.hiddenSize();
        float std = 0.02f;
        // Residual projections are scaled down with depth (GPT-2) so the residual stream starts near unit variance.
        float residualStd = (float) (std / Math.sqrt(2.0 * config.layers()));
        normal("wte", random, std, config.vocabSize(), c);
        normal("wpe", random, std, config.contextLength(), c);
        for (int i = 0; i < config.layers(); i++) {
            String block = "h." + i + ".";
            layerNorm(block + "ln1", c);
            normal(block + "attn.qkv.weight", random, std, 3 * c, c);
            constant(block + "attn.qkv.bias", 0f, 3 * c);
            normal(block + "attn.proj.weight", random, residualStd, c, c);
            constant(block + "attn.proj.bias", 0f, c);
            layerNorm(block + "ln2", c);
            normal(block + "mlp.fc.weight", random, std, 4 * c, c);
            constant(block + "mlp.fc.bias", 0f, 4 * c);
            normal(block + "mlp.proj.weight", random, residualStd, c, 4 * c);
            constant(block + "mlp.proj.bias", 0f, c);
        }
        layerNorm("ln_f", c);
        parameters.attachGradients();
    }

    private void normal(String name, SplittableRandom random, float std, long... shape) {
        float[] values = new float[Math.toIntExact(new Shape(shape).size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (nextGaussian(random) * std);
        }
        parameters.add(name, manager.create(values, new Shape(shape)));
    }

    private void layerNorm(String name, int size) {
        constant(name + ".gamma", 1f, size);
        constant(name + ".beta", 0f, size);
    }

    private void constant(String name, float value, long... shape) {
        parameters.add(name, manager.full(new Shape(shape), value));
    }

    private static double nextGaussian(SplittableRandom random) {
        // Box-Muller on SplittableRandom, whose sequence is fixed by its specification.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    @Override
    public void close() {
        manager.close();
    }
}
