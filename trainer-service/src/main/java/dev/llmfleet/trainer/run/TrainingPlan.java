package dev.llmfleet.trainer.run;

import dev.llmfleet.api.scheduler.Optimizer;
import dev.llmfleet.api.scheduler.Precision;
import dev.llmfleet.api.scheduler.VramEstimateRequest;
import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.trainer.TrainerProperties;
import dev.llmfleet.trainer.engine.DatasetFormat;
import dev.llmfleet.trainer.engine.TrainingSettings;
import dev.llmfleet.trainer.storage.TrainerPaths;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * How this host trains: the model shape and run settings every job gets, the folder of each job's
 * run, and what a job asks the scheduler for. Applies PyTorch's thread settings when created, which
 * is before any run or snapshot touches the native engine.
 */
@Component
public class TrainingPlan {

    /** The shipped byte-level tokenizer's vocabulary, which the model's embedding must match. */
    private static final int VOCABULARY = GptConfig.tiny().vocabSize();

    private final TrainerProperties.Training training;
    private final TrainerPaths paths;

    TrainingPlan(TrainerProperties properties, TrainerPaths paths) {
        this.training = properties.training();
        this.paths = paths;
        NativeRuntime.configure(training.intraOpThreads(), training.interOpThreads());
    }

    public GptConfig model() {
        return GptConfig.of(
                training.layers(), training.heads(), training.hiddenSize(), training.contextLength(), VOCABULARY);
    }

    public TrainerProperties.Training training() {
        return training;
    }

    /** A job's folder: its checkpoints live in {@code checkpoints/} below it. */
    public Path runDirectory(UUID jobId) {
        return paths.runs().resolve(jobId.toString());
    }

    public Path checkpointDirectory(UUID jobId) {
        return runDirectory(jobId).resolve("checkpoints");
    }

    public TrainingSettings settings(UUID jobId, Path datasetFile, DatasetFormat format) {
        return new TrainingSettings(
                model(),
                paths.tokenizer(),
                new TrainingSettings.Data(datasetFile, format, training.validationFraction(), training.maxLength()),
                TrainingSettings.Optimizer.adamW(training.learningRate(), training.warmupSteps()),
                training.maxSteps(),
                training.batchSize(),
                training.gradientAccumulation(),
                training.evalSteps(),
                training.saveSteps(),
                training.keepLast(),
                training.seed(),
                runDirectory(jobId));
    }

    /** What the scheduler estimates the job's memory from. */
    public VramEstimateRequest vramProfile() {
        GptConfig model = model();
        return new VramEstimateRequest(
                training.modelName(),
                parameterCount(model),
                training.batchSize(),
                training.maxLength(),
                Precision.FP32,
                Optimizer.ADAMW,
                null,
                model.layers(),
                model.hiddenSize());
    }

    /** Embeddings (tokens and positions), per layer attention and a 4x MLP with their norms, the final norm. */
    static long parameterCount(GptConfig model) {
        long h = model.hiddenSize();
        long perLayer = 4 * h * h + 4 * h + 8 * h * h + 5 * h + 4 * h;
        return (long) model.vocabSize() * h + (long) model.contextLength() * h + model.layers() * perLayer + 2 * h;
    }
}
