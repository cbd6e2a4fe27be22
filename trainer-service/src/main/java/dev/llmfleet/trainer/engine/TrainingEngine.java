package dev.llmfleet.trainer.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.ModelFamily;
import dev.llmfleet.model.chat.ChatTemplate;
import dev.llmfleet.model.chat.TokenSequence;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.model.lora.LoraModel;
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
 * {@link NativeRuntime#configure} before the first run in a JVM.
 */
public final class TrainingEngine {

    private final TrainingSettings settings;
    private final List<TrainingListener> listeners;

    public TrainingEngine(TrainingSettings settings, List<TrainingListener> listeners) {
        this.settings = settings;
        this.listeners = List.copyOf(listeners);
    }

    public TrainingResult train(TrainingControl control) {
        LearningRateSchedule schedule = new LearningRateSchedule(
                settings.optimizer().learningRate(),
                settings.optimizer().minLearningRate(),
                settings.optimizer().warmupSteps(),
                settings.maxSteps());
        return run(TrainingState.start(settings.seed(), schedule), null, control);
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

    private TrainingResult run(TrainingState state, VerifiedCheckpoint from, TrainingControl control) {
        Device device = NativeRuntime.preferredDevice();
        // PyTorch records gradients per thread, on by default: only the thread that started the
        // engine has it off. Off here too, so that only a GradientCollector records and the
        // optimizer's in-place updates of the weights are allowed on whatever thread runs this.
        JniUtils.setGradMode(false);
        try (NDManager root = NDManager.newBaseManager(device);
                FleetTokenizer tokenizer = FleetTokenizer.load(settings.tokenizer());
                CausalLanguageModel model = newModel(root);
                AdamW optimizer = new AdamW(settings.optimizer(), model.parameters(), root)) {
            if (from != null) {
                restore(from, model, optimizer, state, root);
            }
            DatasetSplit split = readData(new ChatTemplate(tokenizer));
            int padId = tokenizer.idOf(SpecialTokens.PAD);
            TrainingLoop loop = new TrainingLoop(
                    settings,
                    model,
                    new TrainingStep(model, optimizer, settings.optimizer().gradientClipNorm()),
                    new Evaluator(model, split.validation(), settings.batchSize(), padId),
                    new CheckpointStore(checkpointDirectory(), settings.tokenizer(), settings.keepLast()),
                    listeners);
            return loop.run(state, optimizer, split.training(), padId, control);
        }
    }

    /** A fresh model in full mode; in LoRA mode the frozen base from its checkpoint with a fresh adapter. */
    private CausalLanguageModel newModel(NDManager root) {
        if (settings.lora() == null) {
            return ModelFamily.forName(settings.model().family()).create(settings.model(), root, settings.seed());
        }
        VerifiedCheckpoint base = CheckpointReader.open(settings.lora().base());
        CausalLanguageModel loaded = ModelFiles.loadModel(base, root);
        if (!loaded.config().equals(settings.model())) {
            loaded.close();
            throw new IllegalArgumentException("the LoRA base " + base.directory() + " is " + loaded.config()
                    + ", the run expects " + settings.model());
        }
        return LoraModel.attach(
                loaded, settings.lora().adapter(), settings.seed(), LoraFiles.manifestSha256(base.directory()));
    }

    private static void restore(
            VerifiedCheckpoint from, CausalLanguageModel model, AdamW optimizer, TrainingState state, NDManager root) {
        String weights = model instanceof LoraModel ? LoraFiles.ADAPTER_WEIGHTS : ModelFiles.WEIGHTS;
        try (NDManager scratch = root.newSubManager()) {
            model.parameters().copyFrom(ModelFiles.readNdList(from, weights, scratch));
            optimizer.restore(
                    ModelFiles.readNdList(from, CheckpointStore.OPTIMIZER, scratch), state.optimizerUpdates());
        }
    }

    private DatasetSplit readData(ChatTemplate template) {
        TrainingSettings.Data data = settings.data();
        try {
            List<TokenSequence> all =
                    new JsonlDatasetReader(template, data.format(), data.maxLength()).read(data.file());
            return DatasetSplit.of(all, data.validationFraction(), settings.seed());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + data.file(), e);
        }
    }
}
