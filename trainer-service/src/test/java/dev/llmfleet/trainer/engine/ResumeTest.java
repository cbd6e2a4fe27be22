package dev.llmfleet.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTest {

    private static final int STEPS = 8;

    @TempDir
    Path workDir;

    @Test
    void runResumedFromHalfwayCheckpointMatchesStraightRunAtEveryStep() throws Exception {
        Path dataset = ArithmeticChatData.writeChatJsonl(
                workDir.resolve("data.jsonl"), ArithmeticChatData.split(0, 3).training());
        Path tokenizer = EngineFixtures.shippedTokenizer(workDir.resolve("tokenizer"));

        List<Double> straight = new TrainingEngine(
                        EngineFixtures.settings(dataset, tokenizer, workDir.resolve("straight"), STEPS), List.of())
                .train(new TrainingControl())
                .losses();

        TrainingControl control = new TrainingControl();
        TrainingResult firstHalf = new TrainingEngine(
                        EngineFixtures.settings(dataset, tokenizer, workDir.resolve("resumed"), STEPS),
                        List.of(new StopAfter(STEPS / 2, control)))
                .train(control);
        TrainingResult secondHalf = new TrainingEngine(
                        EngineFixtures.settings(dataset, tokenizer, workDir.resolve("resumed"), STEPS), List.of())
                .resume(firstHalf.lastCheckpoint(), new TrainingControl());

        List<Double> resumed = new ArrayList<>(firstHalf.losses());
        resumed.addAll(secondHalf.losses());
        assertThat(firstHalf.stoppedEarly()).isTrue();
        assertThat(resumed).hasSize(STEPS);
        for (int i = 0; i < STEPS; i++) {
            assertThat(resumed.get(i)).as("loss at step %d", i + 1).isCloseTo(straight.get(i), within(1e-5));
        }
    }

    /** Stops the run the way an operator would: a stop request from outside after a given step. */
    private record StopAfter(long step, TrainingControl control) implements TrainingListener {

        @Override
        public void onStep(StepProgress progress) {
            if (progress.step() == step) {
                control.requestStop();
            }
        }
    }
}
