package dev.llmfleet.trainer;

import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import dev.llmfleet.trainer.engine.DatasetFormat;
import dev.llmfleet.trainer.engine.TrainingControl;
import dev.llmfleet.trainer.engine.TrainingEngine;
import dev.llmfleet.trainer.engine.TrainingResult;
import dev.llmfleet.trainer.engine.TrainingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Object Mother for runs as the worker leaves them: the tiny model trained on the hundred
 * single-digit additions ("What is 3+4?" answered "7") into {@code runs/<jobId>/} of a trainer data
 * folder, with the engine's own checkpoints. One PyTorch thread, so every run is repeatable.
 */
public final class TrainedRuns {

    static {
        NativeRuntime.configure(1, 1);
    }

    private TrainedRuns() {}

    /** Trains {@code steps} steps, checkpointing (and validating) every {@code saveEvery}; the run's result. */
    public static TrainingResult train(Path trainerDir, UUID jobId, int steps, int saveEvery) throws IOException {
        Path scratch = Files.createTempDirectory("trained-run");
        Path dataset = TrainingData.write(scratch.resolve("additions.jsonl"), TrainingData.additionChats(100, 0));
        Path tokenizer;
        try (FleetTokenizer shipped = FleetTokenizer.shipped(scratch.resolve("tokenizer"))) {
            tokenizer = shipped.source();
        }
        TrainingSettings settings = new TrainingSettings(
                GptConfig.tiny(),
                tokenizer,
                new TrainingSettings.Data(dataset, DatasetFormat.CHAT_SFT_V1, 0.1, 32),
                TrainingSettings.Optimizer.adamW(3e-3, Math.max(1, steps / 20)),
                steps,
                32,
                1,
                saveEvery,
                saveEvery,
                steps,
                42,
                trainerDir.resolve("runs").resolve(jobId.toString()));
        return new TrainingEngine(settings, List.of()).train(new TrainingControl());
    }
}
