package dev.llmfleet.inference;

import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.checkpoint.CheckpointWriter;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.gpt.GptModel;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Tiny models with random weights from a seed, saved as real checkpoints: two seeds, two versions. */
public final class TestModels {

    /** Two layers of width 64 over the shipped byte vocabulary, with room for 128 tokens. */
    public static final GptConfig CONFIG = GptConfig.of(2, 4, 64, 128, 263);

    private static final float WEIGHT_SCALE = 20f;

    private TestModels() {}

    public static Path checkpoint(Path root, String version, long seed) {
        return checkpoint(root, version, seed, CONFIG);
    }

    public static Path checkpoint(Path root, String version, long seed, GptConfig config) {
        try (NDManager manager = NDManager.newBaseManager();
                CausalLanguageModel model = GptModel.create(config, manager, seed);
                FleetTokenizer tokenizer = FleetTokenizer.shipped(root.resolve(".tokenizer-" + version))) {
            // GPT-2's small initial weights make a model that mostly repeats its last token; larger ones
            // give each seed and prompt a text of its own, which the tests need to tell outputs apart.
            model.parameters().asMap().forEach((name, weights) -> {
                if (!name.contains("ln")) {
                    weights.muli(WEIGHT_SCALE);
                }
            });
            return CheckpointWriter.write(root.resolve(version), ModelFiles.entries(model, tokenizer.source()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
