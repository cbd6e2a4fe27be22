package dev.llmfleet.model.lora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.checkpoint.CheckpointEntry;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.CheckpointWriter;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.generate.GenerationParams;
import dev.llmfleet.model.generate.Generator;
import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.gpt.GptModel;
import dev.llmfleet.model.gpt.LanguageModelLoss;
import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoraModelTest {

    static {
        NativeRuntime.configure(1, 1);
    }

    private static final LoraConfig LORA = new LoraConfig(4, 8, 0.1, List.of());

    @TempDir
    Path directory;

    @Test
    void aFreshAdapterLeavesTheBaseOutputsUnchanged() {
        try (NDManager manager = NDManager.newBaseManager();
                CausalLanguageModel base = GptModel.create(GptConfig.tiny(), manager, 7);
                LoraModel lora = LoraModel.attach(GptModel.create(GptConfig.tiny(), manager, 7), LORA, 1, null)) {
            NDArray tokens = tokens(manager);

            assertThat(maxDifference(base.forward(tokens, null), lora.forward(tokens, null)))
                    .isZero();
        }
    }

    @Test
    void mergedModelGivesTheSameLogitsAsBaseWithAdapter() {
        try (NDManager manager = NDManager.newBaseManager();
                LoraModel lora = LoraModel.attach(GptModel.create(GptConfig.tiny(), manager, 7), LORA, 1, null)) {
            randomiseAdapter(lora, 3);
            NDArray tokens = tokens(manager);
            NDArray adapted = lora.forward(tokens, null);

            try (CausalLanguageModel merged = lora.merge(manager)) {
                NDArray mergedLogits = merged.forward(tokens, null);
                NDArray baseLogits = lora.base().forward(tokens, null);

                assertThat(maxDifference(adapted, mergedLogits)).isLessThan(1e-4);
                // The adapter must actually change the model, or the comparison above proves nothing.
                assertThat(maxDifference(adapted, baseLogits)).isGreaterThan(1e-2);
            }
        }
    }

    @Test
    void generatesTheSameTokensWithTheAdapterAndWithTheMergedModel() {
        try (NDManager manager = NDManager.newBaseManager();
                FleetTokenizer tokenizer = FleetTokenizer.shipped(directory);
                LoraModel lora = LoraModel.attach(GptModel.create(GptConfig.tiny(), manager, 7), LORA, 1, null)) {
            randomiseAdapter(lora, 5);
            int[] prompt = tokenizer.encode("What is 3+4?");
            try (CausalLanguageModel merged = lora.merge(manager)) {
                int[] withAdapter = new Generator(lora, tokenizer)
                        .generate(prompt, GenerationParams.greedy(16))
                        .tokens();
                int[] withMerged = new Generator(merged, tokenizer)
                        .generate(prompt, GenerationParams.greedy(16))
                        .tokens();

                assertThat(withAdapter).hasSize(16).containsExactly(withMerged);
            }
        }
    }

    @Test
    void trainingMovesOnlyTheAdapterAndLowersTheLoss() {
        try (NDManager manager = NDManager.newBaseManager();
                LoraModel lora = LoraModel.attach(GptModel.create(GptConfig.tiny(), manager, 7), LORA, 1, null)) {
            NDArray baseWeight =
                    lora.base().parameters().get("h.0.attn.qkv.weight").duplicate();
            NDArray tokens = tokens(manager);
            List<Float> losses = new ArrayList<>();
            for (int step = 0; step < 40; step++) {
                losses.add(sgdStep(lora, tokens, 0.2f));
            }

            assertThat(losses.getLast()).isLessThan(losses.getFirst() - 0.3f);
            assertThat(lora.base().parameters().get("h.0.attn.qkv.weight").contentEquals(baseWeight))
                    .isTrue();
            assertThat(lora.base().parameters().get("h.0.attn.qkv.weight").hasGradient())
                    .isFalse();
        }
    }

    @Test
    void savesOnlyTheAdapterAndLoadsItBackOntoTheSameBase() throws IOException {
        try (NDManager manager = NDManager.newBaseManager();
                FleetTokenizer tokenizer = FleetTokenizer.shipped(directory.resolve("tok"))) {
            VerifiedCheckpoint base = saveBase(manager, tokenizer.source(), directory.resolve("base"));
            Path adapterDir;
            NDArray expected;
            NDArray tokens = tokens(manager);
            try (LoraModel lora = LoraModel.attach(
                    ModelFiles.loadModel(base, manager), LORA, 1, LoraFiles.manifestSha256(base.directory()))) {
                randomiseAdapter(lora, 9);
                expected = lora.forward(tokens, null);
                expected.attach(manager);
                adapterDir = CheckpointWriter.write(
                        directory.resolve("adapter"), LoraFiles.entries(lora, tokenizer.source()));
            }
            VerifiedCheckpoint adapter = CheckpointReader.open(adapterDir);

            try (LoraModel loaded = LoraFiles.load(adapter, base, manager)) {
                assertThat(LoraFiles.isAdapter(adapter)).isTrue();
                assertThat(LoraFiles.isAdapter(base)).isFalse();
                assertThat(maxDifference(expected, loaded.forward(tokens, null)))
                        .isZero();
            }
        }
    }

    @Test
    void refusesToLoadAnAdapterOntoADifferentBase() throws IOException {
        try (NDManager manager = NDManager.newBaseManager();
                FleetTokenizer tokenizer = FleetTokenizer.shipped(directory.resolve("tok"))) {
            VerifiedCheckpoint base = saveBase(manager, tokenizer.source(), directory.resolve("base"));
            VerifiedCheckpoint other = saveBase(manager, tokenizer.source(), directory.resolve("other"), 99);
            Path adapterDir;
            try (LoraModel lora = LoraModel.attach(
                    ModelFiles.loadModel(base, manager), LORA, 1, LoraFiles.manifestSha256(base.directory()))) {
                adapterDir = CheckpointWriter.write(
                        directory.resolve("adapter"), LoraFiles.entries(lora, tokenizer.source()));
            }

            assertThatThrownBy(() -> LoraFiles.load(CheckpointReader.open(adapterDir), other, manager))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("was trained on the base");
        }
    }

    @Test
    void refusesUnknownTargetsAndNonPositiveRank() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> LoraModel.attach(
                            GptModel.create(GptConfig.tiny(), manager, 7),
                            new LoraConfig(4, 8, 0, List.of("attn.q")),
                            1,
                            null))
                    .hasMessageContaining("unknown LoRA target attn.q");
        }
        assertThatThrownBy(() -> new LoraConfig(0, 8, 0, List.of())).hasMessageContaining("rank");
        assertThat(new LoraConfig(4, 8, 0, List.of("mlp.fc")).targets("h.1.mlp.fc"))
                .isTrue();
        assertThat(new LoraConfig(4, 8, 0, List.of("mlp.fc")).targets("h.1.mlp.proj"))
                .isFalse();
    }

    private static float sgdStep(LoraModel lora, NDArray tokens, float lr) {
        float loss;
        try (NDManager scope = lora.manager().newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray inputs = tokens.get(":, :-1");
            NDArray targets = tokens.get(":, 1:");
            inputs.attach(scope);
            targets.attach(scope);
            NDArray logits = lora.forward(inputs, null);
            NDArray mask = scope.ones(targets.getShape());
            NDArray value = LanguageModelLoss.maskedCrossEntropy(logits, targets, mask);
            collector.backward(value);
            loss = value.getFloat();
        }
        try (NDManager scope = lora.manager().newSubManager()) {
            for (NDArray p : lora.parameters().asMap().values()) {
                NDArray gradient = p.getGradient();
                gradient.attach(scope);
                p.subi(gradient.mul(lr));
                gradient.muli(0);
            }
        }
        return loss;
    }

    private static VerifiedCheckpoint saveBase(NDManager manager, Path tokenizer, Path target) throws IOException {
        return saveBase(manager, tokenizer, target, 7);
    }

    private static VerifiedCheckpoint saveBase(NDManager manager, Path tokenizer, Path target, long seed)
            throws IOException {
        try (CausalLanguageModel model = GptModel.create(GptConfig.tiny(), manager, seed)) {
            List<CheckpointEntry> entries = ModelFiles.entries(model, tokenizer);
            return CheckpointReader.open(CheckpointWriter.write(target, entries));
        }
    }

    private static void randomiseAdapter(LoraModel lora, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Map.Entry<String, NDArray> entry : lora.parameters().asMap().entrySet()) {
            NDArray p = entry.getValue();
            float[] values = new float[Math.toIntExact(p.getShape().size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((random.nextDouble() - 0.5) * 0.2);
            }
            try (NDManager scratch = lora.manager().newSubManager()) {
                scratch.create(values, p.getShape()).copyTo(p);
            }
        }
    }

    private static NDArray tokens(NDManager manager) {
        long[] ids = new long[2 * 24];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (i * 37L + 11) % 263;
        }
        return manager.create(ids, new Shape(2, 24)).toType(DataType.INT64, false);
    }

    private static double maxDifference(NDArray a, NDArray b) {
        return a.sub(b).abs().max().getFloat();
    }
}
