package dev.llmfleet.model.gpt;

import dev.llmfleet.model.ModelConfig;
import dev.llmfleet.model.ModelJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shape of the demo's tiny GPT, stored as {@code config.json} beside its weights. */
public record GptConfig(
        String family, int layers, int heads, int hiddenSize, int contextLength, int vocabSize, float layerNormEps)
        implements ModelConfig {

    public static final String FILE_NAME = "config.json";

    public GptConfig {
        if (family == null) {
            family = GptModel.FAMILY;
        }
        if (layerNormEps == 0) {
            layerNormEps = 1e-5f;
        }
        if (layers < 1 || heads < 1 || contextLength < 1 || vocabSize < 1) {
            throw new IllegalArgumentException("layers, heads, context length and vocabulary must be positive");
        }
        if (hiddenSize % heads != 0) {
            throw new IllegalArgumentException("hidden size " + hiddenSize + " is not a multiple of heads " + heads);
        }
    }

    public static GptConfig of(int layers, int heads, int hiddenSize, int contextLength, int vocabSize) {
        return new GptConfig(GptModel.FAMILY, layers, heads, hiddenSize, contextLength, vocabSize, 1e-5f);
    }

    /** Two layers of width 64 over the shipped 263-token byte vocabulary: small enough to train in seconds on a CPU. */
    public static GptConfig tiny() {
        return of(2, 4, 64, 64, 263);
    }

    public int headSize() {
        return hiddenSize / heads;
    }

    @Override
    public int kvHeads() {
        return heads;
    }

    @Override
    public int headDim() {
        return headSize();
    }

    public static GptConfig read(Path file) {
        try {
            return ModelJson.MAPPER.readValue(Files.readString(file), GptConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public String toJson() {
        return ModelJson.MAPPER.writeValueAsString(this);
    }
}
