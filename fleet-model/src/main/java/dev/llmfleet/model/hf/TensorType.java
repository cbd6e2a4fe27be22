package dev.llmfleet.model.hf;

import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.Optional;

/** The floating-point element types the fleet reads and writes, by their safetensors and config names. */
public enum TensorType {
    BF16("BF16", "bfloat16", DataType.BFLOAT16),
    F16("F16", "float16", DataType.FLOAT16),
    F32("F32", "float32", DataType.FLOAT32);

    private final String safetensorsName;
    private final String configName;
    private final DataType dataType;

    TensorType(String safetensorsName, String configName, DataType dataType) {
        this.safetensorsName = safetensorsName;
        this.configName = configName;
        this.dataType = dataType;
    }

    /** {@code BF16}, {@code F16}, {@code F32}: how a safetensors header names it. */
    public String safetensorsName() {
        return safetensorsName;
    }

    /** {@code bfloat16}, {@code float16}, {@code float32}: how {@code config.json} names it. */
    public String configName() {
        return configName;
    }

    public DataType dataType() {
        return dataType;
    }

    public int bytes() {
        return dataType.getNumOfBytes();
    }

    public static Optional<TensorType> ofSafetensors(String name) {
        return Arrays.stream(values())
                .filter(t -> t.safetensorsName.equals(name))
                .findFirst();
    }

    public static Optional<TensorType> ofConfig(String name) {
        return Arrays.stream(values()).filter(t -> t.configName.equals(name)).findFirst();
    }
}
