package dev.llmfleet.benchmarks.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.lora.LoraConfig;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.trainer.engine.DatasetFormat;
import dev.llmfleet.trainer.engine.StepProgress;
import dev.llmfleet.trainer.engine.TrainingControl;
import dev.llmfleet.trainer.engine.TrainingEngine;
import dev.llmfleet.trainer.engine.TrainingListener;
import dev.llmfleet.trainer.engine.TrainingResult;
import dev.llmfleet.trainer.engine.TrainingSettings;
import dev.llmfleet.trainer.run.ModelShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One mode's run through {@link TrainingEngine}, meant to be alone in its JVM so that the peak
 * resident set is the run's: a few optimizer steps, evaluation and saving scheduled past the end,
 * so the only checkpoint is the one the engine always writes after the last step.
 */
final class TrainingStepRun {

    /** LoRA as the task asks: rank 8, alpha 16, no dropout, every projection. */
    static final LoraConfig LORA = new LoraConfig(8, 16, 0.0, List.of());

    private static final long SEED = 42;

    /**
     * What one mode measured. Step 1 is timed by the engine's own clock from the start of its step
     * loop (model loading excluded, warm-up included); later steps from one step event to the next.
     *
     * @param setupSeconds from {@code train()} to the start of the step loop: loading the base and the data
     * @param saveSeconds from the last step event to {@code train()} returning: the final checkpoint
     * @param stepsPeakRssKib the peak resident set up to the last step event, before the final save
     * @param peakRssKib the peak resident set of the whole run, save included
     */
    record Result(
            String mode,
            long trainableParameters,
            double setupSeconds,
            double firstStepSeconds,
            double laterStepSeconds,
            double laterTokensPerSecond,
            double meanTokensPerStep,
            double saveSeconds,
            long stepsPeakRssKib,
            long peakRssKib,
            long checkpointBytes,
            List<Double> losses) {}

    private TrainingStepRun() {}

    static Result run(String mode, Path model, Path dataset, int tokens, int steps, int batch, Path output)
            throws IOException {
        Qwen3ShapedModel.delete(output);
        LoraConfig lora = mode.equals("lora") ? LORA : null;
        TrainingSettings settings = new TrainingSettings(
                new TrainingSettings.ModelSource.Base(model),
                new TrainingSettings.Data(dataset, DatasetFormat.CHAT_SFT_V1, 0.0, tokens),
                TrainingSettings.Optimizer.adamW(2e-5, 1, TrainingSettings.Schedule.COSINE),
                TrainingSettings.Length.steps(steps),
                batch,
                1,
                steps + 1,
                steps + 1,
                1,
                SEED,
                output,
                lora,
                null);
        StepTimes times = new StepTimes(mode);
        TrainingEngine engine = new TrainingEngine(settings, List.of(times));
        long started = System.nanoTime();
        TrainingResult result = engine.train(new TrainingControl());
        long ended = System.nanoTime();
        long peak = Qwen3ShapedModel.peakRssKib();
        Path checkpoint = result.lastCheckpoint();
        long checkpointBytes = Qwen3ShapedModel.size(checkpoint);
        long trainable = lora == null ? ModelShape.of(model).parameters() : adapterParameters(checkpoint);
        // A full checkpoint holds float32 weights and both moments (about 7 GB): measured, then removed.
        Qwen3ShapedModel.delete(output);
        return new Result(
                mode,
                trainable,
                (times.loopStart() - started) / 1e9,
                times.firstStepSeconds,
                times.laterStepSeconds(),
                times.laterTokensPerSecond(),
                times.tokens.stream().mapToLong(Long::longValue).average().orElse(0),
                (ended - times.doneAt.getLast()) / 1e9,
                times.stepsPeakRssKib,
                peak,
                checkpointBytes,
                result.losses());
    }

    /** The weights of the adapter the run saved: what it trained. */
    private static long adapterParameters(Path checkpoint) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList adapter =
                    ModelFiles.readNdList(CheckpointReader.open(checkpoint), LoraFiles.ADAPTER_WEIGHTS, manager);
            return adapter.stream().mapToLong(NDArray::size).sum();
        }
    }

    /** The time of each step event; the step loop's start from the first step's own rate. */
    private static final class StepTimes implements TrainingListener {
        private final String mode;
        private final List<Long> doneAt = new ArrayList<>();
        private final List<Long> tokens = new ArrayList<>();
        private double firstStepSeconds;
        private long stepsPeakRssKib;

        StepTimes(String mode) {
            this.mode = mode;
        }

        @Override
        public void onStep(StepProgress progress) {
            long now = System.nanoTime();
            double seconds =
                    doneAt.isEmpty() ? progress.tokens() / progress.tokensPerSecond() : (now - doneAt.getLast()) / 1e9;
            if (doneAt.isEmpty()) {
                firstStepSeconds = seconds;
            }
            doneAt.add(now);
            tokens.add(progress.tokens());
            System.out.printf(
                    "[%s] step %d/%d: loss %.4f, %d tokens, %.1f s, %.1f tokens/s%n",
                    mode,
                    progress.step(),
                    progress.totalSteps(),
                    progress.loss(),
                    progress.tokens(),
                    seconds,
                    progress.tokens() / seconds);
            if (progress.step() == progress.totalSteps()) {
                try {
                    stepsPeakRssKib = Qwen3ShapedModel.peakRssKib();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        long loopStart() {
            return doneAt.getFirst() - (long) (firstStepSeconds * 1e9);
        }

        double laterStepSeconds() {
            return doneAt.size() < 2 ? Double.NaN : (doneAt.getLast() - doneAt.getFirst()) / 1e9 / (doneAt.size() - 1);
        }

        double laterTokensPerSecond() {
            long later = tokens.stream().skip(1).mapToLong(Long::longValue).sum();
            return doneAt.size() < 2 ? Double.NaN : later / ((doneAt.getLast() - doneAt.getFirst()) / 1e9);
        }
    }
}
