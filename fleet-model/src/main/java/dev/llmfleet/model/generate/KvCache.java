package dev.llmfleet.model.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Keys and values of every layer for a batch of sequences, {@code (B, heads, length, headSize)},
 * so the next step attends over the past without recomputing it. Rows are decoded together; rows of
 * different real lengths are left-padded and masked (see {@link dev.llmfleet.model.ForwardInput}).
 */
public final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private final int batchSize;
    private int length;

    public KvCache(NDManager parent, int layers, int batchSize) {
        this.manager = parent.newSubManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        this.batchSize = batchSize;
    }

    public int length() {
        return length;
    }

    public int batchSize() {
        return batchSize;
    }

    /**
     * Appends this step's keys and values for {@code layer} and returns the whole history, as views
     * owned by the step (the manager of {@code newKeys}): whatever the step derives from them dies
     * with the step, instead of pinning every past history until the cache closes.
     */
    public NDArray[] append(int layer, NDArray newKeys, NDArray newValues) {
        keys[layer] = grow(keys[layer], newKeys);
        values[layer] = grow(values[layer], newValues);
        if (layer == keys.length - 1) {
            length = Math.toIntExact(keys[layer].getShape().get(2));
        }
        return new NDArray[] {stepView(keys[layer], newKeys), stepView(values[layer], newValues)};
    }

    private static NDArray stepView(NDArray history, NDArray step) {
        NDArray view = history.reshape(history.getShape());
        view.attach(step.getManager());
        return view;
    }

    private NDArray grow(NDArray past, NDArray next) {
        NDArray grown;
        if (past == null) {
            grown = next.duplicate();
        } else {
            grown = past.concat(next, 2);
            past.close();
        }
        grown.attach(manager);
        return grown;
    }

    @Override
    public void close() {
        manager.close();
    }
}
