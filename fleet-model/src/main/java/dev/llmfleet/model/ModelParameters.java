package dev.llmfleet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;

/** The named parameters of a model, in a fixed order so checkpoints and optimizer state line up. */
public final class ModelParameters {

    private final SequencedMap<String, NDArray> byName = new LinkedHashMap<>();

    public NDArray add(String name, NDArray value) {
        if (byName.putIfAbsent(name, value) != null) {
            throw new IllegalArgumentException("duplicate parameter " + name);
        }
        value.setName(name);
        return value;
    }

    public NDArray get(String name) {
        NDArray value = byName.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return value;
    }

    /** The parameter, if the model has one of this name (optional biases). */
    public Optional<NDArray> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Map<String, NDArray> asMap() {
        return Collections.unmodifiableMap(byName);
    }

    public long count() {
        return byName.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    public void attachGradients() {
        byName.values().forEach(a -> a.setRequiresGradient(true));
    }

    /** The parameters as a named list for {@link NDList#encode}; the arrays are shared, not copied. */
    public NDList toNdList() {
        NDList list = new NDList();
        byName.values().forEach(list::add);
        return list;
    }

    /** Copies values from a decoded list in place, refusing any missing name or changed shape. */
    public void copyFrom(NDList loaded) {
        Map<String, NDArray> loadedByName = new LinkedHashMap<>();
        loaded.forEach(a -> loadedByName.put(a.getName(), a));
        for (Map.Entry<String, NDArray> entry : byName.entrySet()) {
            NDArray source = loadedByName.get(entry.getKey());
            if (source == null || !source.getShape().equals(entry.getValue().getShape())) {
                throw new IllegalArgumentException("weights do not match parameter " + entry.getKey());
            }
            source.copyTo(entry.getValue());
        }
    }
}
