package dev.llmfleet.benchmarks.engine;

import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import dev.llmfleet.trainer.engine.DatasetFormat;
import dev.llmfleet.trainer.engine.StepProgress;
import dev.llmfleet.trainer.engine.TrainingControl;
import dev.llmfleet.trainer.engine.TrainingEngine;
import dev.llmfleet.trainer.engine.TrainingListener;
import dev.llmfleet.trainer.engine.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Training tokens per second of the engine against a bare DJL loop over the same model and batch
 * size, and their ratio. The engine is timed from its first to its last step event, so start-up
 * and the final checkpoint are outside the window; evaluation and checkpoints are scheduled past
 * the end. Run: {@code ./mvnw -q -pl benchmarks exec:exec -Dbench=dev.llmfleet.benchmarks.engine.EngineOverheadHarness}.
 */
public final class EngineOverheadHarness {

    static final int BATCH = 32;
    static final int WARMUP_STEPS = 40;
    static final int MEASURED_STEPS = 300;
    static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        NativeRuntime.configure(threads, 1);
        Path work = Files.createTempDirectory("engine-overhead");
        Path dataset = ArithmeticDataset.write(work.resolve("train.jsonl"));
        Path tokenizer;
        try (FleetTokenizer shipped = FleetTokenizer.shipped(work.resolve("tokenizer"))) {
            tokenizer = shipped.source();
        }
        List<Double> engineRates = new ArrayList<>();
        List<Double> bareRates = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            engineRates.add(engineTokensPerSecond(dataset, tokenizer, work.resolve("run-" + round)));
            bareRates.add(new BareLoop(GptConfig.tiny(), tokenizer, dataset, BATCH)
                    .tokensPerSecond(WARMUP_STEPS, MEASURED_STEPS));
        }
        double engine = median(engineRates);
        double bare = median(bareRates);
        System.out.printf("threads=%d batch=%d steps=%d rounds=%d%n", threads, BATCH, MEASURED_STEPS, ROUNDS);
        System.out.printf("engine     %,10.0f tokens/s  (rounds %s)%n", engine, rounded(engineRates));
        System.out.printf("bare loop  %,10.0f tokens/s  (rounds %s)%n", bare, rounded(bareRates));
        System.out.printf("engine/bare = %.3f (overhead %.1f%%)%n", engine / bare, 100 * (bare / engine - 1));
    }

    private static double engineTokensPerSecond(Path dataset, Path tokenizer, Path output) {
        int steps = WARMUP_STEPS + MEASURED_STEPS;
        TrainingSettings settings = new TrainingSettings(
                GptConfig.tiny(),
                tokenizer,
                new TrainingSettings.Data(dataset, DatasetFormat.CHAT_SFT_V1, 0.0, 32),
                TrainingSettings.Optimizer.adamW(3e-3, 20),
                steps,
                BATCH,
                1,
                steps + 1,
                steps + 1,
                1,
                42,
                output);
        Window window = new Window();
        new TrainingEngine(settings, List.of(window)).train(new TrainingControl());
        return window.tokensPerSecond();
    }

    /** Counts tokens and time between the end of the warm-up and the last step. */
    private static final class Window implements TrainingListener {
        private long startNanos;
        private long endNanos;
        private long tokens;

        @Override
        public void onStep(StepProgress progress) {
            if (progress.step() == WARMUP_STEPS) {
                startNanos = System.nanoTime();
            } else if (progress.step() > WARMUP_STEPS) {
                tokens += progress.tokens();
                endNanos = System.nanoTime();
            }
        }

        double tokensPerSecond() {
            return tokens / ((endNanos - startNanos) / 1e9);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    private EngineOverheadHarness() {}
}
