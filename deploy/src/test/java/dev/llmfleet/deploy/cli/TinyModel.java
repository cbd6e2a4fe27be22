package dev.llmfleet.deploy.cli;

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

/** A tiny model with random weights, saved as a real full checkpoint: something to serve and to consolidate. */
final class TinyModel {

    private TinyModel() {}

    static Path checkpoint(Path target, long seed) {
        try (NDManager manager = NDManager.newBaseManager();
                CausalLanguageModel model = GptModel.create(GptConfig.tiny(), manager, seed);
                FleetTokenizer tokenizer = FleetTokenizer.shipped(target.resolveSibling(".tokenizer-" + seed))) {
            return CheckpointWriter.write(target, ModelFiles.entries(model, tokenizer.source()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
