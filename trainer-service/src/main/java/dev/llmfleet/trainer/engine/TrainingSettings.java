package dev.llmfleet.trainer.engine;

import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.lora.LoraConfig;
import java.nio.file.Path;

/**
 * Everything a run needs, fixed when the run starts. Steps count optimizer updates; each update
 * accumulates gradients over {@code gradientAccumulation} batches of {@code batchSize} sequences.
 */
public record TrainingSettings(
        GptConfig model,
        Path tokenizer,
        Data data,
        Optimizer optimizer,
        int maxSteps,
        int batchSize,
        int gradientAccumulation,
        int evalSteps,
        int saveSteps,
        int keepLast,
        long seed,
        Path outputDirectory,
        Lora lora) {

    /** {@code full} trains every weight; {@code lora} trains adapters on a frozen base and saves only them. */
    public enum Mode {
        FULL,
        LORA
    }

    /** LoRA mode: {@code adapter} on the frozen model held by the verified checkpoint folder {@code base}. */
    public record Lora(LoraConfig adapter, Path base) {
        public Lora {
            if (adapter == null || base == null) {
                throw new IllegalArgumentException("LoRA training needs an adapter shape and a base checkpoint");
            }
        }
    }

    /** A full fine-tuning run. */
    public TrainingSettings(
            GptConfig model,
            Path tokenizer,
            Data data,
            Optimizer optimizer,
            int maxSteps,
            int batchSize,
            int gradientAccumulation,
            int evalSteps,
            int saveSteps,
            int keepLast,
            long seed,
            Path outputDirectory) {
        this(
                model,
                tokenizer,
                data,
                optimizer,
                maxSteps,
                batchSize,
                gradientAccumulation,
                evalSteps,
                saveSteps,
                keepLast,
                seed,
                outputDirectory,
                null);
    }

    public Mode mode() {
        return lora == null ? Mode.FULL : Mode.LORA;
    }

    /** Where examples come from and how they are cut. */
    public record Data(Path file, DatasetFormat format, double validationFraction, int maxLength) {
        public Data {
            if (validationFraction < 0 || validationFraction >= 1) {
                throw new IllegalArgumentException("validation fraction must be in [0, 1)");
            }
            if (maxLength < 2) {
                throw new IllegalArgumentException("max length must allow at least one prediction");
            }
        }
    }

    /** AdamW with linear warm-up to {@code learningRate}, cosine decay to {@code minLearningRate}, and clipping. */
    public record Optimizer(
            double learningRate,
            double minLearningRate,
            int warmupSteps,
            double weightDecay,
            double beta1,
            double beta2,
            double epsilon,
            double gradientClipNorm) {

        public static Optimizer adamW(double learningRate, int warmupSteps) {
            return new Optimizer(learningRate, learningRate / 10, warmupSteps, 0.01, 0.9, 0.99, 1e-8, 1.0);
        }
    }

    public TrainingSettings {
        if (maxSteps < 1 || batchSize < 1 || gradientAccumulation < 1) {
            throw new IllegalArgumentException("steps, batch size and accumulation must be positive");
        }
        if (evalSteps < 1 || saveSteps < 1 || keepLast < 1) {
            throw new IllegalArgumentException("eval steps, save steps and keep-last must be positive");
        }
        if (data.maxLength() > model.contextLength()) {
            throw new IllegalArgumentException("max length " + data.maxLength() + " exceeds the model's context");
        }
    }
}
