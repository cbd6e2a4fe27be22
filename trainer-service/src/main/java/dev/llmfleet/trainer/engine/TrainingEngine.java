package dev.llmfleet.trainer.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.ModelFamily;
import dev.llmfleet.model.chat.ChatFormat;
import dev.llmfleet.model.chat.TokenSequence;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.hf.HfModelFolder;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.model.lora.LoraModel;
import dev.llmfleet.model.runtime.LanguageModel;
import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import dev.llmfleet.model.tokenizer.SpecialTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains a causal language model on a JSON Lines dataset. Plain Java: the service wraps it, the
 * native resources live and die inside {@link #train} and {@link #resume}. Apply thread counts with
 * {@link NativeRuntime#start} before the first run in a JVM.
 */
public final class TrainingEngine {

    private final TrainingSettings settings;
    private final List<TrainingListener> listeners;

    public TrainingEngine(TrainingSettings settings, List<TrainingListener> listeners) {
        this.settings = settings;
        this.listeners = List.copyOf(listeners);
    }

    public TrainingResult train(TrainingControl control) {
        return run(null, null, control);
    }

    /** Continues the run saved in {@code checkpoint} with the weights, moments and data position it holds. */
    public TrainingResult resume(Path checkpoint, TrainingControl control) {
        VerifiedCheckpoint verified = CheckpointReader.open(checkpoint);
        try {
            TrainingState state = TrainingState.fromJson(Files.readString(verified.file(TrainingState.FILE_NAME)));
            return run(state, verified, control);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the training state of " + checkpoint, e);
        }
    }

    /** Where this run's checkpoints go. */
    public Path checkpointDirectory() {
        return settings.outputDirectory().resolve("checkpoints");
    }

    /** A fresh run when {@code saved} is null, else the run saved in {@code from} with that state. */
    private TrainingResult run(TrainingState saved, VerifiedCheckpoint from, TrainingControl control) {
        Device device = NativeRuntime.preferredDevice();
        // PyTorch records gradients per thread, on by default: only the thread that started the
        // engine has it off. Off here too, so that only a GradientCollector records and the
        // optimizer's in-place updates of the weights are allowed on whatever thread runs this.
        // The manager first: creating it loads the native library the next call needs.
        try (NDManager root = NDManager.newBaseManager(device)) {
            JniUtils.setGradMode(false);
            Path tokenizerFile = tokenizerFile(from);
            try (FleetTokenizer tokenizer = FleetTokenizer.load(tokenizerFile);
                    CausalLanguageModel model = newModel(root, from);
                    AdamW optimizer = new AdamW(settings.optimizer(), model.parameters(), root)) {
                if (settings.data().maxLength() > model.config().contextLength()) {
                    throw new IllegalArgumentException(
                            "max length " + settings.data().maxLength() + " exceeds the context of the model ("
                                    + model.config().contextLength() + " tokens)");
                }
                if (from != null) {
                    restore(from, model, optimizer, saved, root);
                }
                DatasetSplit split = readData(chatFormat(tokenizerFile, tokenizer));
                TrainingState state = saved != null ? saved : TrainingState.start(settings.seed(), schedule(split));
                int padId = padId(tokenizer);
                TrainingLoop loop = new TrainingLoop(
                        settings,
                        model,
                        new TrainingStep(model, optimizer, settings.optimizer().gradientClipNorm()),
                        new Evaluator(model, split.validation(), settings.batchSize(), padId),
                        new CheckpointStore(checkpointDirectory(), tokenizerFile, settings.keepLast()),
                        listeners);
                return loop.run(state, optimizer, split.training(), padId, control);
            }
        }
    }

    private LearningRateSchedule schedule(DatasetSplit split) {
        TrainingSettings.Optimizer optimizer = settings.optimizer();
        int steps =
                settings.length().steps(split.training().size(), settings.batchSize(), settings.gradientAccumulation());
        return new LearningRateSchedule(
                optimizer.learningRate(),
                optimizer.minLearningRate(),
                optimizer.warmupSteps(),
                steps,
                optimizer.schedule());
    }

    /**
     * The tokenizer the run reads and saves with: a Hugging Face model's other files (chat template,
     * generation config) lie beside it. A full run resumed after its base version was deleted takes
     * them from the checkpoint it resumes, copied into the run's folder first, since checkpoints are
     * pruned as the run goes on.
     */
    private Path tokenizerFile(VerifiedCheckpoint from) {
        return switch (settings.source()) {
            case TrainingSettings.ModelSource.Scratch scratch -> scratch.tokenizer();
            case TrainingSettings.ModelSource.Base base -> {
                Path inBase = base.folder().resolve(FleetTokenizer.FILE_NAME);
                yield Files.exists(inBase) || from == null || settings.lora() != null
                        ? inBase
                        : copyAssets(from).resolve(FleetTokenizer.FILE_NAME);
            }
        };
    }

    /**
     * The checkpoint's model files (a Hugging Face folder, or the GPT's tokenizer) kept in the run's
     * {@code assets/}: hard links where the file system allows, so nothing is copied and they outlive
     * the checkpoint's pruning.
     */
    private Path copyAssets(VerifiedCheckpoint from) {
        Path assets = settings.outputDirectory().resolve("assets");
        try {
            Files.createDirectories(assets);
            List<String> files = HfModelFolder.isHfFolder(from.directory())
                    ? HfModelFolder.open(from.directory()).files()
                    : List.of(FleetTokenizer.FILE_NAME);
            for (String file : files) {
                Path target = assets.resolve(file);
                Files.deleteIfExists(target);
                try {
                    Files.createLink(target, from.file(file));
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(from.file(file), target);
                }
            }
            return assets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the model files of " + from.directory(), e);
        }
    }

    /**
     * The model to train: a fresh GPT from scratch; the base's weights for a full run, the frozen
     * base with a fresh adapter for a LoRA run; for a resumed full run, the checkpoint's weights.
     */
    private CausalLanguageModel newModel(NDManager root, VerifiedCheckpoint from) {
        if (settings.lora() == null && from != null) {
            return trainable(ModelFiles.loadModel(from, root));
        }
        return switch (settings.source()) {
            case TrainingSettings.ModelSource.Scratch scratch -> {
                GptConfig config = scratch.config();
                yield ModelFamily.forName(config.family()).create(config, root, settings.seed());
            }
            case TrainingSettings.ModelSource.Base base -> {
                VerifiedCheckpoint verified = CheckpointReader.open(base.folder());
                CausalLanguageModel loaded = ModelFiles.loadModel(verified, root);
                yield settings.lora() == null
                        ? trainable(loaded)
                        : LoraModel.attach(
                                loaded, settings.lora(), settings.seed(), LoraFiles.manifestSha256(base.folder()));
            }
        };
    }

    /** A full run trains every weight of a loaded model, which comes without gradients. */
    private static CausalLanguageModel trainable(CausalLanguageModel model) {
        model.parameters().attachGradients();
        return model;
    }

    /** The optimizer's moments, and a LoRA run's adapter weights (a full run's weights came with the model). */
    private static void restore(
            VerifiedCheckpoint from, CausalLanguageModel model, AdamW optimizer, TrainingState state, NDManager root) {
        try (NDManager scratch = root.newSubManager()) {
            if (model instanceof LoraModel) {
                model.parameters().copyFrom(ModelFiles.readNdList(from, LoraFiles.ADAPTER_WEIGHTS, scratch));
            }
            optimizer.restore(
                    ModelFiles.readNdList(from, CheckpointStore.OPTIMIZER, scratch), state.optimizerUpdates());
        }
    }

    private static ChatFormat chatFormat(Path tokenizerFile, FleetTokenizer tokenizer) {
        return LanguageModel.chatFormat(tokenizerFile.getParent(), tokenizer);
    }

    /** Padding sits after each sequence's end and is never learned: the shipped tokenizer's pad token, else 0. */
    private static int padId(FleetTokenizer tokenizer) {
        try {
            return tokenizer.idOf(SpecialTokens.PAD);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private DatasetSplit readData(ChatFormat chat) {
        TrainingSettings.Data data = settings.data();
        try {
            List<TokenSequence> all = new JsonlDatasetReader(
                            chat, data.format(), data.maxLength(), settings.systemPrompt())
                    .read(data.file());
            return DatasetSplit.of(all, data, settings.seed());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + data.file(), e);
        }
    }
}
