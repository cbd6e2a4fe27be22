package dev.llmfleet.trainer.engine;

import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.lora.LoraConfig;
import java.nio.file.Path;

/**
 * Everything a run needs, fixed when the run starts. Steps count optimizer updates; each update
 * accumulates gradients over {@code gradientAccumulation} batches of {@code batchSize} sequences.
 *
 * @param source the model the run starts from
 * @param length how long the run is: optimizer steps, or passes over the training split
 * @param lora the adapter a LoRA run trains on the frozen base; null for a full run
 * @param systemPrompt a system turn put before each chat example that has none; null for none
 */
public record TrainingSettings(
        ModelSource source,
        Data data,
        Optimizer optimizer,
        Length length,
        int batchSize,
        int gradientAccumulation,
        int evalSteps,
        int saveSteps,
        int keepLast,
        long seed,
        Path outputDirectory,
        LoraConfig lora,
        String systemPrompt) {

    /** {@code full} trains every weight; {@code lora} trains adapters on a frozen base and saves only them. */
    public enum Mode {
        FULL,
        LORA
    }

    /** Where a run's weights come from. */
    public sealed interface ModelSource {

        /** The demo's GPT with fresh weights from the run's seed, on the byte-level tokenizer {@code tokenizer}. */
        record Scratch(GptConfig config, Path tokenizer) implements ModelSource {}

        /**
         * The model in a verified folder (a version, or any checkpoint folder holding a full model):
         * its weights, tokenizer and chat format.
         */
        record Base(Path folder) implements ModelSource {}
    }

    /** A run's length: {@code maxSteps} optimizer steps, or {@code epochs} passes over the training split. */
    public record Length(int maxSteps, int epochs) {

        public Length {
            if ((maxSteps > 0) == (epochs > 0) || maxSteps < 0 || epochs < 0) {
                throw new IllegalArgumentException("a run is long either maxSteps or epochs, one of them positive");
            }
        }

        public static Length steps(int maxSteps) {
            return new Length(maxSteps, 0);
        }

        public static Length epochs(int epochs) {
            return new Length(0, epochs);
        }

        /** Optimizer steps of the run over {@code trainingExamples} examples: whole epochs round up to a step. */
        public int steps(int trainingExamples, int batchSize, int gradientAccumulation) {
            if (maxSteps > 0) {
                return maxSteps;
            }
            long perStep = (long) batchSize * gradientAccumulation;
            return (int) Math.max(
                    1, Math.min(Integer.MAX_VALUE, (epochs * (long) trainingExamples + perStep - 1) / perStep));
        }
    }

    /** A full run of the demo's GPT from scratch. */
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
                new ModelSource.Scratch(model, tokenizer),
                data,
                optimizer,
                Length.steps(maxSteps),
                batchSize,
                gradientAccumulation,
                evalSteps,
                saveSteps,
                keepLast,
                seed,
                outputDirectory,
                null,
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

        /** How many of {@code examples} train; the rest validate (at least one when there is a fraction and two examples). */
        public int trainingExamples(int examples) {
            int validation = (int) Math.round(examples * validationFraction);
            if (validationFraction > 0 && validation == 0 && examples > 1) {
                validation = 1;
            }
            return examples - validation;
        }
    }

    /** How the learning rate moves after the linear warm-up: to {@code minLearningRate} along a cosine or a line, or not at all. */
    public enum Schedule {
        COSINE,
        LINEAR,
        CONSTANT
    }

    /** AdamW with linear warm-up to {@code learningRate}, then the schedule down to {@code minLearningRate}, and clipping. */
    public record Optimizer(
            double learningRate,
            double minLearningRate,
            int warmupSteps,
            double weightDecay,
            double beta1,
            double beta2,
            double epsilon,
            double gradientClipNorm,
            Schedule schedule) {

        public Optimizer {
            schedule = schedule == null ? Schedule.COSINE : schedule;
        }

        public Optimizer(
                double learningRate,
                double minLearningRate,
                int warmupSteps,
                double weightDecay,
                double beta1,
                double beta2,
                double epsilon,
                double gradientClipNorm) {
            this(
                    learningRate,
                    minLearningRate,
                    warmupSteps,
                    weightDecay,
                    beta1,
                    beta2,
                    epsilon,
                    gradientClipNorm,
                    Schedule.COSINE);
        }

        public static Optimizer adamW(double learningRate, int warmupSteps) {
            return adamW(learningRate, warmupSteps, Schedule.COSINE);
        }

        public static Optimizer adamW(double learningRate, int warmupSteps, Schedule schedule) {
            return new Optimizer(learningRate, learningRate / 10, warmupSteps, 0.01, 0.9, 0.99, 1e-8, 1.0, schedule);
        }
    }

    public TrainingSettings {
        if (batchSize < 1 || gradientAccumulation < 1) {
            throw new IllegalArgumentException("batch size and accumulation must be positive");
        }
        if (evalSteps < 1 || saveSteps < 1 || keepLast < 1) {
            throw new IllegalArgumentException("eval steps, save steps and keep-last must be positive");
        }
        if (source instanceof ModelSource.Scratch scratch) {
            if (lora != null) {
                throw new IllegalArgumentException("LoRA trains adapters on a base model, not on a model from scratch");
            }
            if (data.maxLength() > scratch.config().contextLength()) {
                throw new IllegalArgumentException("max length " + data.maxLength() + " exceeds the model's context");
            }
        }
    }
}
