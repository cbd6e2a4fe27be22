package dev.llmfleet.trainer.run;

import dev.llmfleet.api.scheduler.Optimizer;
import dev.llmfleet.api.scheduler.Precision;
import dev.llmfleet.api.scheduler.VramEstimateRequest;
import dev.llmfleet.api.trainer.RunSettings;
import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.lora.LoraConfig;
import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.trainer.TrainerProperties;
import dev.llmfleet.trainer.engine.DatasetFormat;
import dev.llmfleet.trainer.engine.TrainingSettings;
import dev.llmfleet.trainer.storage.TrainerPaths;
import java.nio.file.Path;
import java.util.Locale;
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
        NativeRuntime.start(training.intraOpThreads(), training.interOpThreads());
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

    /**
     * The settings of a job's run: its effective run settings (see {@link RunPolicy}) on the base
     * they resolved to, with this host's evaluation and checkpoint cadence.
     */
    public TrainingSettings settings(
            UUID jobId, Path datasetFile, DatasetFormat format, RunSettings run, BaseModels.Resolved base) {
        TrainingSettings.ModelSource source = base.isScratch()
                ? new TrainingSettings.ModelSource.Scratch(model(), paths.tokenizer())
                : new TrainingSettings.ModelSource.Base(base.folder());
        LoraConfig lora = run.lora() == null
                ? null
                : new LoraConfig(
                        run.lora().rank(),
                        run.lora().alpha(),
                        run.lora().dropout(),
                        run.lora().targets());
        TrainingSettings.Length length = run.epochs() != null
                ? TrainingSettings.Length.epochs(run.epochs())
                : TrainingSettings.Length.steps(run.maxSteps());
        return new TrainingSettings(
                source,
                new TrainingSettings.Data(datasetFile, format, training.validationFraction(), run.maxLength()),
                TrainingSettings.Optimizer.adamW(
                        run.learningRate(),
                        run.warmupSteps(),
                        TrainingSettings.Schedule.valueOf(run.schedule().toUpperCase(Locale.ROOT))),
                length,
                run.batchSize(),
                run.gradientAccumulation(),
                training.evalSteps(),
                training.saveSteps(),
                training.keepLast(),
                run.seed(),
                runDirectory(jobId),
                lora,
                run.systemPrompt());
    }

    /**
     * What the scheduler estimates the job's memory from: the base model's parameters and shape,
     * the adapter's parameters for LoRA (only they have gradients and optimizer state), the
     * micro-batch, the sequence length and the precision.
     */
    public VramEstimateRequest vramProfile(RunSettings run, ModelShape shape) {
        Long trainable = null;
        if (run.lora() != null) {
            trainable = shape.adapterParameters(new LoraConfig(
                    run.lora().rank(),
                    run.lora().alpha(),
                    run.lora().dropout(),
                    run.lora().targets()));
        }
        return new VramEstimateRequest(
                // The demo GPT's full runs keep the configured name, under which its corrections were learned.
                shape.family().equals(model().family()) && trainable == null
                        ? training.modelName()
                        : shape.modelName(trainable != null),
                shape.parameters(),
                run.batchSize(),
                run.maxLength(),
                Precision.FP32,
                Optimizer.ADAMW,
                trainable,
                shape.layers(),
                shape.hiddenSize());
    }
}
