package dev.llmfleet.model.hf;

import ai.djl.ndarray.NDArray;
import dev.llmfleet.model.checkpoint.CheckpointEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a model as a Hugging Face folder: {@code config.json}, {@code model.safetensors} in the
 * config's dtype under the checkpoint's own tensor names, and the tokenizer and generation files
 * copied from where the model came from, so that transformers, vLLM or llama.cpp's converter open it.
 */
public final class HfModelWriter {

    /** The bytes of each tensor, by name, in the dtype the folder stores. */
    @FunctionalInterface
    public interface TensorSource {
        ByteBuffer bytes(String name, long[] shape, TensorType type);
    }

    private HfModelWriter() {}

    /**
     * The files of the folder as checkpoint entries: the config, the weights, then {@code assetFiles}
     * (tokenizer, generation config, ...) copied from {@code assets}.
     */
    public static List<CheckpointEntry> entries(
            DecoderConfig config, TensorSource tensors, Path assets, List<String> assetFiles) {
        List<CheckpointEntry> entries = new ArrayList<>();
        entries.add(CheckpointEntry.text(DecoderConfig.FILE_NAME, config.toJson()));
        entries.add(new CheckpointEntry(HfModelFolder.WEIGHTS, out -> weights(config, tensors, out)));
        for (String file : assetFiles) {
            if (!file.equals(DecoderConfig.FILE_NAME)) {
                entries.add(new CheckpointEntry(file, out -> Files.copy(assets.resolve(file), out)));
            }
        }
        return entries;
    }

    /** The model's float32 weights converted to the config's dtype. */
    public static TensorSource of(DecoderModel model) {
        return (name, shape, type) -> {
            NDArray value = model.parameters().get(name);
            if (type == TensorType.BF16) {
                return Bfloat16.narrow(value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN));
            }
            try (NDArray converted = value.toType(type.dataType(), true)) {
                return converted.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            }
        };
    }

    /** Weights made by {@link SyntheticWeights} from {@code seed}. */
    public static TensorSource synthetic(long seed) {
        return (name, shape, type) -> SyntheticWeights.bytes(name, shape, type, seed);
    }

    private static void weights(DecoderConfig config, TensorSource tensors, OutputStream out) throws IOException {
        List<SafetensorsWriter.Tensor> list = new ArrayList<>();
        for (Map.Entry<String, long[]> tensor : DecoderLayout.tensors(config).entrySet()) {
            String name = tensor.getKey();
            long[] shape = tensor.getValue();
            list.add(new SafetensorsWriter.Tensor(
                    name, config.dtype(), shape, () -> tensors.bytes(name, shape, config.dtype())));
        }
        SafetensorsWriter.write(list, Map.of("format", "pt"), out);
    }
}
