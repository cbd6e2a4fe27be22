package dev.llmfleet.model.lora;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.pytorch.jni.JniUtils;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.ForwardInput;
import dev.llmfleet.model.ModelFamily;
import dev.llmfleet.model.ModelParameters;
import dev.llmfleet.model.generate.KvCache;
import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.gpt.GptModel;
import dev.llmfleet.model.gpt.ProjectionAdapter;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A frozen base model plus low-rank adapters on its projections. {@link #parameters()} holds only
 * the adapter ({@code h.0.attn.qkv.lora_a}, {@code ...lora_b}), so an optimizer, a gradient norm or a
 * checkpoint given this model touches nothing else. {@code B} starts at zero: a fresh adapter leaves
 * the base's outputs unchanged.
 */
public final class LoraModel implements CausalLanguageModel {

    static final String A_SUFFIX = ".lora_a";
    static final String B_SUFFIX = ".lora_b";

    private final GptModel base;
    private final LoraConfig lora;
    private final String baseManifestSha256;
    private final NDManager manager;
    private final ModelParameters adapter = new ModelParameters();

    private LoraModel(GptModel base, LoraConfig lora, long seed, String baseManifestSha256) {
        this.base = base;
        this.lora = lora;
        this.baseManifestSha256 = baseManifestSha256;
        this.manager = base.manager().newSubManager();
        base.parameters().asMap().values().forEach(p -> p.setRequiresGradient(false));
        initialise(new SplittableRandom(seed));
    }

    /**
     * Freezes {@code base} and attaches a fresh adapter; the returned model owns {@code base} and
     * closes it. {@code baseManifestSha256} names the checkpoint the base came from (null when none).
     */
    public static LoraModel attach(CausalLanguageModel base, LoraConfig lora, long seed, String baseManifestSha256) {
        if (!(base instanceof GptModel gpt)) {
            throw new IllegalArgumentException("LoRA supports the " + GptModel.FAMILY + " family, not "
                    + base.config().family());
        }
        return new LoraModel(gpt, lora, seed, baseManifestSha256);
    }

    public LoraConfig lora() {
        return lora;
    }

    /** SHA-256 of the base checkpoint's {@code manifest.json}, or null when the base was not loaded from one. */
    public String baseManifestSha256() {
        return baseManifestSha256;
    }

    public CausalLanguageModel base() {
        return base;
    }

    @Override
    public GptConfig config() {
        return base.config();
    }

    /** The adapter's parameters only. */
    @Override
    public ModelParameters parameters() {
        return adapter;
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public NDArray forward(ForwardInput input, KvCache cache) {
        return base.forward(input, cache, adapterPath());
    }

    @Override
    public KvCache newCache(NDManager parent, int batchSize) {
        return base.newCache(parent, batchSize);
    }

    /**
     * A plain model in a child of {@code parent} whose targeted weights are {@code W + (alpha / rank) B A}:
     * the same outputs as this model (without dropout), no adapter needed to serve it.
     */
    public CausalLanguageModel merge(NDManager parent) {
        CausalLanguageModel merged = ModelFamily.forName(config().family()).create(config(), parent, 0);
        try (NDManager scratch = parent.newSubManager()) {
            for (Map.Entry<String, NDArray> entry : base.parameters().asMap().entrySet()) {
                NDArray value = entry.getValue();
                String name = entry.getKey();
                if (name.endsWith(".weight") && lora.targets(prefixOf(name))) {
                    String prefix = prefixOf(name);
                    NDArray delta = adapter.get(prefix + B_SUFFIX).matMul(adapter.get(prefix + A_SUFFIX));
                    delta.attach(scratch);
                    value = value.add(delta.mul(lora.scale()));
                    value.attach(scratch);
                }
                value.copyTo(merged.parameters().get(name));
            }
        } catch (RuntimeException e) {
            merged.close();
            throw e;
        }
        return merged;
    }

    private ProjectionAdapter adapterPath() {
        // Dropout only while gradients are recorded: evaluation and generation see the whole adapter.
        boolean training = lora.dropout() > 0 && JniUtils.isGradMode();
        return (name, input, projected) -> {
            if (!lora.targets(name)) {
                return projected;
            }
            NDArray x = training
                    ? Dropout.dropout(input, (float) lora.dropout(), true).singletonOrThrow()
                    : input;
            NDArray low = Linear.linear(x, adapter.get(name + A_SUFFIX)).singletonOrThrow();
            NDArray update = Linear.linear(low, adapter.get(name + B_SUFFIX)).singletonOrThrow();
            return projected.add(update.mul(lora.scale()));
        };
    }

    private static String prefixOf(String weightName) {
        return weightName.substring(0, weightName.length() - ".weight".length());
    }

    private void initialise(SplittableRandom random) {
        for (Map.Entry<String, NDArray> entry : base.parameters().asMap().entrySet()) {
            String name = entry.getKey();
            if (!name.endsWith(".weight") || !lora.targets(prefixOf(name))) {
                continue;
            }
            Shape shape = entry.getValue().getShape();
            long out = shape.get(0);
            long in = shape.get(1);
            String prefix = prefixOf(name);
            adapter.add(prefix + A_SUFFIX, gaussian(random, 1.0 / Math.sqrt(in), lora.rank(), in));
            adapter.add(prefix + B_SUFFIX, manager.zeros(new Shape(out, lora.rank())));
        }
        adapter.attachGradients();
    }

    private NDArray gaussian(SplittableRandom random, double std, long... shape) {
        float[] values = new float[Math.toIntExact(new Shape(shape).size())];
        for (int i = 0; i < values.length; i++) {
            // Box-Muller on SplittableRandom, as for the base weights: the same seed gives the same adapter anywhere.
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            values[i] = (float) (Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2) * std);
        }
        return manager.create(values, new Shape(shape));
    }

    @Override
    public void close() {
        manager.close();
        base.close();
    }
}
