package dev.llmfleet.model.lora;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.pytorch.jni.JniUtils;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.ForwardInput;
import dev.llmfleet.model.ModelConfig;
import dev.llmfleet.model.ModelParameters;
import dev.llmfleet.model.ProjectionAdapter;
import dev.llmfleet.model.Scalar;
import dev.llmfleet.model.generate.KvCache;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A frozen base model plus low-rank adapters on its projections. {@link #parameters()} holds only
 * the adapter ({@code h.0.attn.qkv.lora_a}, {@code model.layers.0.self_attn.q_proj.lora_b}), so an optimizer, a gradient norm or a
 * checkpoint given this model touches nothing else. {@code B} starts at zero: a fresh adapter leaves
 * the base's outputs unchanged.
 */
public final class LoraModel implements CausalLanguageModel {

    static final String A_SUFFIX = ".lora_a";
    static final String B_SUFFIX = ".lora_b";

    private final CausalLanguageModel base;
    private final LoraConfig lora;
    private final String baseManifestSha256;
    private final NDManager manager;
    private final ModelParameters adapter = new ModelParameters();

    private LoraModel(CausalLanguageModel base, LoraConfig lora, long seed, String baseManifestSha256) {
        this.base = base;
        this.lora = lora.resolve(base.projections());
        this.baseManifestSha256 = baseManifestSha256;
        this.manager = base.manager().newSubManager();
        base.parameters().asMap().values().forEach(p -> p.setRequiresGradient(false));
        initialise(new SplittableRandom(seed));
    }

    /**
     * Freezes {@code base} and attaches a fresh adapter; the returned model owns {@code base} and
     * closes it. {@code baseManifestSha256} names the checkpoint the base came from (null when none).
     * A target that names none of the base's projections is refused.
     */
    public static LoraModel attach(CausalLanguageModel base, LoraConfig lora, long seed, String baseManifestSha256) {
        if (base instanceof LoraModel) {
            throw new IllegalArgumentException("the base already carries an adapter: merge it first");
        }
        return new LoraModel(base, lora, seed, baseManifestSha256);
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
    public ModelConfig config() {
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
    public NDArray forward(ForwardInput input, KvCache cache, ProjectionAdapter outer) {
        ProjectionAdapter own = adapterPath();
        return base.forward(input, cache, (name, x, projected) -> outer.adapt(name, x, own.adapt(name, x, projected)));
    }

    @Override
    public List<String> projections() {
        return base.projections();
    }

    /** The merged model ({@link #merge}): serving a copy needs no adapter. */
    @Override
    public CausalLanguageModel copy(NDManager parent) {
        return merge(parent);
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
        CausalLanguageModel merged = base.copy(parent);
        try (NDManager scratch = parent.newSubManager()) {
            for (String prefix : targetedProjections()) {
                NDArray weight = merged.parameters().get(prefix + ".weight");
                NDArray delta = adapter.get(prefix + B_SUFFIX).matMul(adapter.get(prefix + A_SUFFIX));
                delta.attach(scratch);
                NDArray updated = weight.add(Scalar.times(delta, lora.scale()));
                updated.attach(scratch);
                updated.copyTo(weight);
            }
        } catch (RuntimeException e) {
            merged.close();
            throw e;
        }
        return merged;
    }

    private List<String> targetedProjections() {
        return base.projections().stream().filter(lora::targets).toList();
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
            return projected.add(Scalar.times(update, lora.scale()));
        };
    }

    private void initialise(SplittableRandom random) {
        for (String prefix : targetedProjections()) {
            Shape shape = base.parameters().get(prefix + ".weight").getShape();
            long out = shape.get(0);
            long in = shape.get(1);
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
