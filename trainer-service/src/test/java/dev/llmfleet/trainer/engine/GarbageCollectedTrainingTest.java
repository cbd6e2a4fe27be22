package dev.llmfleet.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.model.checkpoint.CheckpointWriter;
import dev.llmfleet.model.hf.HfFixtures;
import dev.llmfleet.model.lora.LoraConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Training while the garbage collector runs all the time, as it does in a busy fleet: every loss
 * stays finite and the run learns. Numbers that DJL wraps in Java memory must never reach the
 * backward pass (a full Qwen3 run in the fleet went to NaN after a dozen steps when they did).
 */
class GarbageCollectedTrainingTest {

    @TempDir
    Path dir;

    private Thread collector;

    @BeforeEach
    void collectAllTheTime() {
        EngineFixtures.singleThreaded();
        collector = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        collector.setDaemon(true);
        collector.start();
    }

    @AfterEach
    void stop() {
        collector.interrupt();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt", "qwen3-full", "qwen3-lora"})
    void everyLossStaysFiniteAndTheRunLearns(String kind) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 100; i < 132; i++) {
            lines.add("{\"messages\":[{\"role\":\"user\",\"content\":\"What is " + i + " plus " + (i % 7)
                    + "?\"},{\"role\":\"assistant\",\"content\":\"yes\"}]}");
        }
        Path data = Files.write(dir.resolve("data.jsonl"), lines);
        TrainingSettings settings = kind.equals("gpt")
                ? EngineFixtures.settings(
                        data, EngineFixtures.shippedTokenizer(dir.resolve("tokenizer")), dir.resolve("out"), 10)
                : new TrainingSettings(
                        new TrainingSettings.ModelSource.Base(
                                CheckpointWriter.write(dir.resolve("v001"), HfFixtures.entries(HfFixtures.QWEN3))),
                        new TrainingSettings.Data(data, DatasetFormat.CHAT_SFT_V1, 0.1, 64),
                        TrainingSettings.Optimizer.adamW(kind.endsWith("lora") ? 2e-2 : 1e-2, 2),
                        TrainingSettings.Length.steps(10),
                        4,
                        2,
                        5,
                        5,
                        2,
                        6,
                        dir.resolve("out"),
                        kind.endsWith("lora") ? new LoraConfig(8, 16, 0.1, List.of()) : null,
                        null);

        List<Double> losses = new TrainingEngine(settings, List.of())
                .train(new TrainingControl())
                .losses();

        assertThat(losses).hasSize(10).allSatisfy(loss -> assertThat(loss).isFinite());
        assertThat(losses.getLast()).isLessThan(losses.getFirst());
    }
}
