package dev.llmfleet.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmfleet.model.checkpoint.CheckpointCorruptedException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineCheckpointTest {

    @TempDir
    Path workDir;

    @Test
    void keepsTheLastTwoCheckpointsPlusTheBestAndReportsEachSave() throws IOException {
        List<CheckpointSaved> saved = new ArrayList<>();
        TrainingResult result = engine(6, 1, 2, List.of(new TrainingListener() {
                    @Override
                    public void onCheckpoint(CheckpointSaved checkpoint) {
                        saved.add(checkpoint);
                    }
                }))
                .train(new TrainingControl());

        assertThat(saved).extracting(CheckpointSaved::step).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(checkpointNames())
                .contains(
                        "step-00000005",
                        "step-00000006",
                        result.bestCheckpoint().getFileName().toString())
                .hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void refusesToResumeFromCheckpointWithCorruptedWeightsNamingTheFile() throws IOException {
        TrainingEngine engine = engine(2, 2, 1, List.of());
        Path checkpoint = engine.train(new TrainingControl()).lastCheckpoint();
        try (RandomAccessFile weights =
                new RandomAccessFile(checkpoint.resolve("model.params").toFile(), "rw")) {
            weights.seek(weights.length() / 2);
            int b = weights.read();
            weights.seek(weights.length() / 2);
            weights.write(b ^ 0xFF);
        }

        assertThatThrownBy(() -> engine.resume(checkpoint, new TrainingControl()))
                .isInstanceOf(CheckpointCorruptedException.class)
                .hasMessageContaining("model.params");
    }

    private TrainingEngine engine(int steps, int saveSteps, int keepLast, List<TrainingListener> listeners)
            throws IOException {
        Path dataset = ArithmeticChatData.writeChatJsonl(
                workDir.resolve("data.jsonl"), ArithmeticChatData.split(0, 3).training());
        Path tokenizer = EngineFixtures.shippedTokenizer(workDir.resolve("tokenizer"));
        return new TrainingEngine(
                EngineFixtures.settings(dataset, tokenizer, workDir.resolve("run"), steps, 1, saveSteps, keepLast),
                listeners);
    }

    private List<String> checkpointNames() throws IOException {
        try (Stream<Path> children = Files.list(workDir.resolve("run/checkpoints"))) {
            return children.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
