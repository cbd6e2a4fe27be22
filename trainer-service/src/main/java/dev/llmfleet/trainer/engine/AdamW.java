package dev.llmfleet.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.ModelParameters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (decoupled weight decay) over the model's named parameters. Implemented here rather than
 * with DJL's optimizer because its moments must go into the checkpoint for an exact resume. Decay
 * applies to matrices only; biases and norm scales are left alone, as in GPT-2 training.
 */
final class AdamW implements AutoCloseable {

    private final TrainingSettings.Optimizer settings;
    private final ModelParameters parameters;
    private final NDManager manager;
    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
    private long updates;

    AdamW(TrainingSettings.Optimizer settings, ModelParameters parameters, NDManager parent) {
        this.settings = settings;
        this.parameters = parameters;
        this.manager = parent.newSubManager();
        parameters.asMap().forEach((name, p) -> {
            firstMoments.put(name, manager.zeros(p.getShape(), p.getDataType()));
            secondMoments.put(name, manager.zeros(p.getShape(), p.getDataType()));
        });
    }

    /** One update with learning rate {@code lr}, gradients multiplied by {@code gradientScale} (clipping). */
    void step(double lr, double gradientScale) {
        updates++;
        double b1 = settings.beta1();
        double b2 = settings.beta2();
        double correction1 = 1 - Math.pow(b1, updates);
        double correction2 = 1 - Math.pow(b2, updates);
        // One scope per parameter: a step's temporaries (several of each weight's size) are freed as
        // soon as that weight is updated, so a full run of a large model holds one weight's worth.
        for (Map.Entry<String, NDArray> entry : parameters.asMap().entrySet()) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray p = entry.getValue();
                NDArray g = p.getGradient();
                g.attach(scope);
                NDArray scaled = g.mul(gradientScale);
                NDArray m = firstMoments.get(entry.getKey()).muli(b1).addi(scaled.mul(1 - b1));
                NDArray v = secondMoments
                        .get(entry.getKey())
                        .muli(b2)
                        .addi(scaled.square().muli(1 - b2));
                NDArray denominator = scoped(v.div(correction2), scope).sqrt().addi(settings.epsilon());
                NDArray update = scoped(m.div(correction1), scope).divi(denominator);
                if (p.getShape().dimension() >= 2 && settings.weightDecay() > 0) {
                    update.addi(scoped(p.mul(settings.weightDecay()), scope));
                }
                p.subi(update.muli(lr));
                // Gradients accumulate across backward passes until an update consumes them.
                g.muli(0);
            }
        }
    }

    /** Results of operations on long-lived arrays land in their manager; move them to the step's. */
    private static NDArray scoped(NDArray array, NDManager scope) {
        array.attach(scope);
        return array;
    }

    long updates() {
        return updates;
    }

    /** Moments under {@code m.<name>} and {@code v.<name>}; the update count lives in the training state. */
    NDList state() {
        NDList state = new NDList();
        firstMoments.forEach((name, m) -> state.add(named(m, "m." + name)));
        secondMoments.forEach((name, v) -> state.add(named(v, "v." + name)));
        return state;
    }

    void restore(NDList state, long updateCount) {
        Map<String, NDArray> byName = new LinkedHashMap<>();
        state.forEach(a -> byName.put(a.getName(), a));
        firstMoments.forEach((name, m) -> copy(byName, "m." + name, m));
        secondMoments.forEach((name, v) -> copy(byName, "v." + name, v));
        this.updates = updateCount;
    }

    private static void copy(Map<String, NDArray> byName, String name, NDArray target) {
        NDArray source = byName.get(name);
        if (source == null || !source.getShape().equals(target.getShape())) {
            throw new IllegalArgumentException("optimizer state does not match parameter " + name);
        }
        source.copyTo(target);
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }

    @Override
    public void close() {
        manager.close();
    }
}
