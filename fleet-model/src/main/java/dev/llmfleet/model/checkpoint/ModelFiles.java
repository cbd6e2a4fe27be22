package dev.llmfleet.model.checkpoint;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.ModelFamily;
import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The model's part of a checkpoint: {@code config.json}, {@code tokenizer.json} and the weights as
 * a DJL {@link NDList} file of named arrays. Trainers add their own entries (optimizer, state).
 */
public final class ModelFiles {

    public static final String WEIGHTS = "model.params";

    private ModelFiles() {}

    public static List<CheckpointEntry> entries(CausalLanguageModel model, Path tokenizerJson) {
        return List.of(
                CheckpointEntry.text(GptConfig.FILE_NAME, model.config().toJson()),
                new CheckpointEntry(FleetTokenizer.FILE_NAME, out -> Files.copy(tokenizerJson, out)),
                ndList(WEIGHTS, model.parameters().toNdList()));
    }

    public static CheckpointEntry ndList(String fileName, NDList arrays) {
        return new CheckpointEntry(fileName, out -> {
            OutputStream buffered = new BufferedOutputStream(out);
            arrays.encode(buffered);
            buffered.flush();
        });
    }

    public static NDList readNdList(VerifiedCheckpoint checkpoint, String fileName, NDManager manager) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(checkpoint.file(fileName)))) {
            return NDList.decode(manager, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName + " of " + checkpoint.directory(), e);
        }
    }

    /** The model a checkpoint holds, in a child of {@code parent}. */
    public static CausalLanguageModel loadModel(VerifiedCheckpoint checkpoint, NDManager parent) {
        GptConfig config = GptConfig.read(checkpoint.file(GptConfig.FILE_NAME));
        CausalLanguageModel model = ModelFamily.forName(config.family()).create(config, parent, 0);
        try (NDManager scratch = parent.newSubManager()) {
            model.parameters().copyFrom(readNdList(checkpoint, WEIGHTS, scratch));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    public static FleetTokenizer loadTokenizer(VerifiedCheckpoint checkpoint) {
        return FleetTokenizer.load(checkpoint.file(FleetTokenizer.FILE_NAME));
    }
}
