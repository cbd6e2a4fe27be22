package dev.llmfleet.model.checkpoint;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.ModelFamily;
import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.hf.DecoderConfig;
import dev.llmfleet.model.hf.DecoderModel;
import dev.llmfleet.model.hf.HfModelFolder;
import dev.llmfleet.model.hf.HfModelWriter;
import dev.llmfleet.model.hf.TensorType;
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

    /**
     * A model's files. The demo's GPT: {@code config.json}, {@code tokenizer.json} and {@code model.params}.
     * A Hugging Face decoder: a Hugging Face folder, its tokenizer and generation files copied from
     * beside {@code tokenizerJson}.
     */
    public static List<CheckpointEntry> entries(CausalLanguageModel model, Path tokenizerJson) {
        return entries(model, tokenizerJson, false);
    }

    /**
     * A model's files as {@link #entries}, a Hugging Face decoder's weights in float32 whatever its
     * config's dtype: what a training checkpoint saves, so that a resumed run continues from the
     * very weights it stopped with.
     */
    public static List<CheckpointEntry> exactEntries(CausalLanguageModel model, Path tokenizerJson) {
        return entries(model, tokenizerJson, true);
    }

    private static List<CheckpointEntry> entries(CausalLanguageModel model, Path tokenizerJson, boolean float32) {
        if (model instanceof DecoderModel decoder) {
            Path assets = tokenizerJson.getParent();
            DecoderConfig config = float32 ? decoder.config().withDtype(TensorType.F32) : decoder.config();
            return HfModelWriter.entries(
                    config,
                    HfModelWriter.of(decoder),
                    assets,
                    HfModelFolder.open(assets).files().stream()
                            .filter(f -> !f.endsWith(".safetensors") && !f.equals(HfModelFolder.WEIGHTS_INDEX))
                            .toList());
        }
        GptConfig config = (GptConfig) model.config();
        return List.of(
                CheckpointEntry.text(GptConfig.FILE_NAME, config.toJson()),
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
        if (HfModelFolder.isHfFolder(checkpoint.directory())) {
            return HfModelFolder.open(checkpoint.directory()).load(parent);
        }
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

    /**
     * The files of a checkpoint that make up its model (what a version copies): a Hugging Face
     * folder's config, weights, tokenizer and generation files; the demo GPT's config, tokenizer and
     * weights. Optimizer state and training files are left out.
     */
    public static List<String> modelFileNames(VerifiedCheckpoint checkpoint) {
        if (HfModelFolder.isHfFolder(checkpoint.directory())) {
            return HfModelFolder.open(checkpoint.directory()).files();
        }
        return List.of(GptConfig.FILE_NAME, FleetTokenizer.FILE_NAME, WEIGHTS);
    }

    /** The family of the model in {@code directory}: its {@code model_type}, or {@code gpt} for the demo's own format. */
    public static String family(Path directory) {
        return HfModelFolder.modelType(directory)
                .orElseGet(() ->
                        GptConfig.read(directory.resolve(GptConfig.FILE_NAME)).family());
    }

    public static FleetTokenizer loadTokenizer(VerifiedCheckpoint checkpoint) {
        return FleetTokenizer.load(checkpoint.file(FleetTokenizer.FILE_NAME));
    }
}
