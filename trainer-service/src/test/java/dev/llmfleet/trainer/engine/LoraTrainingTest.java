package dev.llmfleet.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.lora.LoraConfig;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.model.lora.LoraModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoraTrainingTest {

    @TempDir
    Path workDir;

    @Test
    void loraRunLearnsOnAFrozenBaseAndSavesOnlyASmallAdapter() throws IOException {
        Path dataset = ArithmeticChatData.writeChatJsonl(
                workDir.resolve("data.jsonl"), ArithmeticChatData.split(0, 3).training());
        Path tokenizer = EngineFixtures.shippedTokenizer(workDir.resolve("tokenizer"));
        TrainingResult full = new TrainingEngine(
                        EngineFixtures.settings(dataset, tokenizer, workDir.resolve("base-run"), 20, 20, 20, 1),
                        List.of())
                .train(new TrainingControl());
        Path base = full.lastCheckpoint();
        String baseManifest = LoraFiles.manifestSha256(base);

        // A new behaviour the base has never seen: every question is answered "ok".
        Path okData = workDir.resolve("ok.jsonl");
        Files.write(
                okData,
                ArithmeticChatData.split(0, 3).training().stream()
                        .map(q -> "{\"messages\":[{\"role\":\"user\",\"content\":\"" + q.text()
                                + "\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}")
                        .toList());
        TrainingSettings settings = lora(okData, tokenizer, base, 30);
        TrainingResult result = new TrainingEngine(settings, List.of()).train(new TrainingControl());

        assertThat(settings.mode()).isEqualTo(TrainingSettings.Mode.LORA);
        assertThat(mean(result.losses().subList(25, 30)))
                .isLessThan(mean(result.losses().subList(0, 5)) - 0.5);
        VerifiedCheckpoint adapter = CheckpointReader.open(result.lastCheckpoint());
        assertThat(LoraFiles.isAdapter(adapter)).isTrue();
        assertThat(adapter.manifest().files()).noneMatch(f -> f.path().equals(ModelFiles.WEIGHTS));
        assertThat(folderSize(result.lastCheckpoint())).isLessThan(folderSize(base) / 5);
        assertThat(LoraFiles.manifestSha256(base)).isEqualTo(baseManifest);
        CheckpointReader.open(base);
        assertThat(LoraFiles.readConfig(adapter).baseManifestSha256()).isEqualTo(baseManifest);
    }

    @Test
    void resumesALoraRunFromItsAdapterCheckpoint() throws IOException {
        Path dataset = ArithmeticChatData.writeChatJsonl(
                workDir.resolve("data.jsonl"), ArithmeticChatData.split(0, 3).training());
        Path tokenizer = EngineFixtures.shippedTokenizer(workDir.resolve("tokenizer"));
        Path base = new TrainingEngine(
                        EngineFixtures.settings(dataset, tokenizer, workDir.resolve("base-run"), 2, 2, 2, 1), List.of())
                .train(new TrainingControl())
                .lastCheckpoint();
        TrainingEngine engine = new TrainingEngine(lora(dataset, tokenizer, base, 4), List.of());
        TrainingControl stopAfterFirstStep = new TrainingControl();
        stopAfterFirstStep.requestStop();
        Path stopped = engine.train(stopAfterFirstStep).lastCheckpoint();

        TrainingResult resumed = engine.resume(stopped, new TrainingControl());

        assertThat(stopped.getFileName()).hasToString(CheckpointStore.nameFor(1));
        assertThat(resumed.finalStep()).isEqualTo(4);
        try (NDManager manager = NDManager.newBaseManager();
                CausalLanguageModel model = LoraFiles.load(
                        CheckpointReader.open(resumed.lastCheckpoint()), CheckpointReader.open(base), manager)) {
            assertThat(model).isInstanceOf(LoraModel.class);
        }
    }

    private static TrainingSettings lora(Path dataset, Path tokenizer, Path base, int steps) {
        TrainingSettings plain = EngineFixtures.settings(dataset, tokenizer, base, steps);
        return new TrainingSettings(
                new TrainingSettings.ModelSource.Base(base),
                plain.data(),
                TrainingSettings.Optimizer.adamW(1e-2, 2),
                TrainingSettings.Length.steps(steps),
                plain.batchSize(),
                1,
                plain.evalSteps(),
                plain.saveSteps(),
                2,
                plain.seed(),
                base.getParent().getParent().resolveSibling("lora-run"),
                new LoraConfig(8, 16, 0.05, List.of()),
                null);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static long folderSize(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
