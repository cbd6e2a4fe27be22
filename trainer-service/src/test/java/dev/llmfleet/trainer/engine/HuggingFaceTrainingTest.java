package dev.llmfleet.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.chat.ChatMessage;
import dev.llmfleet.model.chat.TokenSequence;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.CheckpointWriter;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.hf.DecoderConfig;
import dev.llmfleet.model.hf.HfFixtures;
import dev.llmfleet.model.hf.HfModelFolder;
import dev.llmfleet.model.hf.TensorType;
import dev.llmfleet.model.lora.LoraConfig;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.model.runtime.LanguageModel;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training a Hugging Face model (the tiny Qwen3 fixture, with the real Qwen3 tokenizer and chat
 * template): full and LoRA runs learn, save Hugging Face checkpoints (full: float32 weights, so a
 * resumed run continues from the very weights it stopped with) or adapters, and a run paused
 * halfway continues to the same losses as one that never stopped.
 */
class HuggingFaceTrainingTest {

    private static final int STEPS = 6;

    @TempDir
    static Path shared;

    private static Path base;
    private static Path dataset;

    @TempDir
    Path workDir;

    @BeforeAll
    static void baseAndData() throws IOException {
        EngineFixtures.singleThreaded();
        base = CheckpointWriter.write(shared.resolve("versions/v001"), HfFixtures.entries(HfFixtures.QWEN3));
        List<String> lines = new ArrayList<>();
        for (int a = 1; a <= 24; a++) {
            lines.add("{\"messages\":[{\"role\":\"user\",\"content\":\"What is " + a + " plus 1?\"},"
                    + "{\"role\":\"assistant\",\"content\":\"" + (a + 1) + "\"}]}");
        }
        dataset = Files.write(shared.resolve("data.jsonl"), lines);
    }

    @Test
    void fullRunLearnsAndSavesAFloat32HuggingFaceCheckpointThatLoadsAsAModel() {
        TrainingResult result = new TrainingEngine(settings(null, workDir.resolve("full"), 12, 1e-2), List.of())
                .train(new TrainingControl());

        assertThat(mean(result.losses().subList(9, 12)))
                .isLessThan(mean(result.losses().subList(0, 3)) - 0.5);
        VerifiedCheckpoint checkpoint = CheckpointReader.open(result.lastCheckpoint());
        assertThat(HfModelFolder.isHfFolder(checkpoint.directory())).isTrue();
        DecoderConfig saved = HfModelFolder.open(checkpoint.directory()).config();
        assertThat(saved.dtype()).isEqualTo(TensorType.F32);
        assertThat(saved.modelType()).isEqualTo("qwen3");
        assertThat(checkpoint.directory().resolve("tokenizer_config.json")).exists();
        try (NDManager manager = NDManager.newBaseManager();
                LanguageModel model = LanguageModel.open(checkpoint, manager)) {
            assertThat(model.chat().stopTokens()).isNotEmpty();
            assertThat(model.description().family()).isEqualTo("qwen3");
        }
    }

    @Test
    void fullRunPausedHalfwayResumesToTheSameLossesAsAStraightRun() {
        assertResumesExactly(null);
    }

    @Test
    void loraRunPausedHalfwayResumesToTheSameLossesAndSavesOnlyAnAdapter() {
        LoraConfig lora = new LoraConfig(4, 8, 0.0, List.of("q_proj", "v_proj"));
        TrainingResult resumed = assertResumesExactly(lora);

        VerifiedCheckpoint adapter = CheckpointReader.open(resumed.lastCheckpoint());
        assertThat(LoraFiles.isAdapter(adapter)).isTrue();
        assertThat(adapter.manifest().files()).noneMatch(f -> f.path().endsWith(".safetensors"));
        assertThat(LoraFiles.readConfig(adapter).baseManifestSha256()).isEqualTo(LoraFiles.manifestSha256(base));
        assertThat(LoraFiles.readConfig(adapter).lora().targets()).containsExactly("q_proj", "v_proj");
    }

    @Test
    void loraRunLearnsWhileTheBaseStaysAsItWas() throws IOException {
        String before = LoraFiles.manifestSha256(base);
        TrainingResult result = new TrainingEngine(
                        settings(new LoraConfig(8, 16, 0.0, List.of()), workDir.resolve("lora"), 12, 2e-2), List.of())
                .train(new TrainingControl());

        assertThat(mean(result.losses().subList(9, 12)))
                .isLessThan(mean(result.losses().subList(0, 3)) - 0.3);
        assertThat(LoraFiles.manifestSha256(base)).isEqualTo(before);
        CheckpointReader.open(base);
    }

    @Test
    void aFullRunResumesAfterItsBaseVersionIsGoneWhileItsOldCheckpointsArePruned() throws IOException {
        Path ownBase = CheckpointWriter.write(workDir.resolve("versions/v009"), HfFixtures.entries(HfFixtures.QWEN3));
        TrainingControl control = new TrainingControl();
        control.requestStop();
        TrainingResult stopped = new TrainingEngine(withKeepLast(ownBase, 1), List.of()).train(control);
        deleteTree(ownBase);

        TrainingResult resumed = new TrainingEngine(withKeepLast(ownBase, 1), List.of())
                .resume(stopped.lastCheckpoint(), new TrainingControl());

        assertThat(resumed.finalStep()).isEqualTo(STEPS);
        assertThat(stopped.lastCheckpoint()).as("pruned as the run went on").doesNotExist();
        try (NDManager manager = NDManager.newBaseManager();
                LanguageModel model = LanguageModel.open(CheckpointReader.open(resumed.lastCheckpoint()), manager)) {
            assertThat(model.chat().stopTokens()).isNotEmpty();
        }
    }

    private TrainingSettings withKeepLast(Path ownBase, int keepLast) {
        TrainingSettings plain = settings(null, workDir.resolve("orphan"), STEPS, 1e-2);
        return new TrainingSettings(
                new TrainingSettings.ModelSource.Base(ownBase),
                plain.data(),
                plain.optimizer(),
                plain.length(),
                plain.batchSize(),
                plain.gradientAccumulation(),
                plain.evalSteps(),
                1,
                keepLast,
                plain.seed(),
                plain.outputDirectory(),
                null,
                null);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void systemPromptIsPutBeforeEachConversationWithoutOne() throws IOException {
        try (FleetTokenizer tokenizer = FleetTokenizer.load(base.resolve(FleetTokenizer.FILE_NAME))) {
            var chat = LanguageModel.chatFormat(base, tokenizer);
            Path file = Files.write(
                    workDir.resolve("two.jsonl"),
                    List.of(
                            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello\"}]}",
                            "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hi\"},"
                                    + "{\"role\":\"assistant\",\"content\":\"Hello\"}]}"));
            List<TokenSequence> read =
                    new JsonlDatasetReader(chat, DatasetFormat.CHAT_SFT_V1, 256, "Answer with a number.").read(file);

            // Decoding leaves out special tokens such as <|im_start|>: the turns read "role\ncontent\n".
            String first = tokenizer.decode(read.get(0).ids());
            String second = tokenizer.decode(read.get(1).ids());
            assertThat(first).startsWith("system\nAnswer with a number.\nuser\nHi\n");
            assertThat(second).contains("Be brief.").doesNotContain("Answer with a number.");
            // Only the assistant's answer and its end of turn are learned, as the model's template renders them.
            TokenSequence expected = chat.conversation(List.of(
                    ChatMessage.system("Answer with a number."),
                    ChatMessage.user("Hi"),
                    ChatMessage.assistant("Hello")));
            assertThat(read.get(0).learned()).isEqualTo(expected.learned());
            assertThat(tokenizer.decode(learnedIds(read.get(0))))
                    .contains("Hello")
                    .doesNotContain("Hi");
        }
    }

    private TrainingResult assertResumesExactly(LoraConfig lora) {
        List<Double> straight = new TrainingEngine(settings(lora, workDir.resolve("straight"), STEPS, 1e-2), List.of())
                .train(new TrainingControl())
                .losses();

        TrainingControl control = new TrainingControl();
        TrainingResult firstHalf = new TrainingEngine(
                        settings(lora, workDir.resolve("resumed"), STEPS, 1e-2), List.of(new TrainingListener() {
                            @Override
                            public void onStep(StepProgress progress) {
                                if (progress.step() == STEPS / 2) {
                                    control.requestStop();
                                }
                            }
                        }))
                .train(control);
        TrainingResult secondHalf = new TrainingEngine(
                        settings(lora, workDir.resolve("resumed"), STEPS, 1e-2), List.of())
                .resume(firstHalf.lastCheckpoint(), new TrainingControl());

        List<Double> resumed = new ArrayList<>(firstHalf.losses());
        resumed.addAll(secondHalf.losses());
        assertThat(firstHalf.stoppedEarly()).isTrue();
        assertThat(resumed).hasSize(STEPS);
        for (int i = 0; i < STEPS; i++) {
            assertThat(resumed.get(i)).as("loss at step %d", i + 1).isCloseTo(straight.get(i), within(1e-5));
        }
        // Resumed from its final checkpoint, a finished run has nothing left to do and ends where it stood.
        TrainingResult again = new TrainingEngine(settings(lora, workDir.resolve("resumed"), STEPS, 1e-2), List.of())
                .resume(secondHalf.lastCheckpoint(), new TrainingControl());
        assertThat(again.finalStep()).isEqualTo(STEPS);
        assertThat(again.lastCheckpoint()).isEqualTo(secondHalf.lastCheckpoint());
        return secondHalf;
    }

    private static TrainingSettings settings(LoraConfig lora, Path output, int steps, double learningRate) {
        return new TrainingSettings(
                new TrainingSettings.ModelSource.Base(base),
                new TrainingSettings.Data(dataset, DatasetFormat.CHAT_SFT_V1, 0.1, 64),
                TrainingSettings.Optimizer.adamW(learningRate, 1, TrainingSettings.Schedule.LINEAR),
                TrainingSettings.Length.steps(steps),
                4,
                1,
                steps,
                2,
                2,
                7,
                output,
                lora,
                null);
    }

    private static int[] learnedIds(TokenSequence sequence) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < sequence.length(); i++) {
            if (sequence.learned()[i]) {
                ids.add(sequence.ids()[i]);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
