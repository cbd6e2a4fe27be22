package dev.llmfleet.trainer.engine;

import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.nio.file.Path;

/** Settings for tests: the tiny model, one PyTorch thread so every run is bit-for-bit repeatable. */
final class EngineFixtures {

    static {
        NativeRuntime.configure(1, 1);
    }

    private EngineFixtures() {}

    /** Nothing but the class's loading, which sets one PyTorch thread before any test touches the engine. */
    static void singleThreaded() {}

    static Path shippedTokenizer(Path directory) {
        try (FleetTokenizer tokenizer = FleetTokenizer.shipped(directory)) {
            return tokenizer.source();
        }
    }

    static TrainingSettings settings(Path dataset, Path tokenizer, Path output, int maxSteps) {
        return settings(dataset, tokenizer, output, maxSteps, Math.max(1, maxSteps / 8), Math.max(1, maxSteps / 4), 2);
    }

    static TrainingSettings settings(
            Path dataset, Path tokenizer, Path output, int maxSteps, int evalSteps, int saveSteps, int keepLast) {
        return new TrainingSettings(
                GptConfig.tiny(),
                tokenizer,
                new TrainingSettings.Data(dataset, DatasetFormat.CHAT_SFT_V1, 0.1, 32),
                new TrainingSettings.Optimizer(3e-3, 3e-4, Math.max(1, maxSteps / 20), 0.1, 0.9, 0.99, 1e-8, 1.0),
                maxSteps,
                32,
                1,
                evalSteps,
                saveSteps,
                keepLast,
                42,
                output);
    }
}
