package dev.llmfleet.model.hf;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.ForwardInput;
import dev.llmfleet.model.generate.KvCache;
import dev.llmfleet.model.lora.LoraConfig;
import dev.llmfleet.model.lora.LoraModel;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decoder's own consistency: cached decoding, padded batches and LoRA merging against the plain forward pass. */
class DecoderModelTest {

    private static final long[] TOKENS = {151644, 872, 198, 3838, 374, 220, 16, 17, 10, 22, 30, 151645, 198, 151644};

    @TempDir
    static Path directory;

    private static HfModelFolder folder;

    @BeforeAll
    static void writeFixture() {
        folder = HfModelFolder.open(HfFixtures.writeFolder(HfFixtures.QWEN3, directory.resolve("qwen3")));
    }

    @Test
    void decodingWithTheKvCacheEqualsTheFullForwardPassWithin1e5() {
        try (NDManager manager = NDManager.newBaseManager();
                DecoderModel model = folder.load(manager)) {
            NDArray full = model.forward(manager.create(TOKENS, new Shape(1, TOKENS.length)), null);
            try (KvCache cache = model.newCache(manager, 1)) {
                // A prefill of five tokens, then one token at a time.
                NDList steps = new NDList(model.forward(manager.create(slice(0, 5), new Shape(1, 5)), cache));
                for (int t = 5; t < TOKENS.length; t++) {
                    steps.add(model.forward(manager.create(slice(t, t + 1), new Shape(1, 1)), cache));
                }
                NDArray cached = NDArrays.concat(steps, 1);

                assertThat(maxDifference(full, cached)).isLessThan(1e-5);
            }
        }
    }

    @Test
    void aLeftPaddedBatchGivesEachRowTheLogitsItGetsAlone() {
        try (NDManager manager = NDManager.newBaseManager();
                DecoderModel model = folder.load(manager)) {
            int shortLength = 6;
            int padding = TOKENS.length - shortLength;
            long[] batch = new long[2 * TOKENS.length];
            long[] positions = new long[2 * TOKENS.length];
            float[] keyMask = new float[2 * TOKENS.length];
            for (int t = 0; t < TOKENS.length; t++) {
                batch[t] = TOKENS[t];
                positions[t] = t;
                keyMask[t] = 1;
                boolean real = t >= padding;
                batch[TOKENS.length + t] = real ? TOKENS[t - padding] : 0;
                positions[TOKENS.length + t] = real ? t - padding : 0;
                keyMask[TOKENS.length + t] = real ? 1 : 0;
            }
            NDArray together = model.forward(
                    new ForwardInput(
                            manager.create(batch, new Shape(2, TOKENS.length)),
                            manager.create(positions, new Shape(2, TOKENS.length)),
                            manager.create(keyMask, new Shape(2, TOKENS.length))),
                    null);
            NDArray longAlone = model.forward(manager.create(TOKENS, new Shape(1, TOKENS.length)), null);
            NDArray shortAlone = model.forward(manager.create(slice(0, shortLength), new Shape(1, shortLength)), null);

            assertThat(maxDifference(together.get(new NDIndex("0:1")), longAlone))
                    .isLessThan(1e-5);
            assertThat(maxDifference(together.get(new NDIndex("1:2, {}:", padding)), shortAlone))
                    .isLessThan(1e-5);
        }
    }

    @Test
    void aMergedLoraModelEqualsTheUnmergedOneWithin1e4() {
        try (NDManager manager = NDManager.newBaseManager();
                LoraModel lora = LoraModel.attach(folder.load(manager), new LoraConfig(4, 8, 0, List.of()), 3, null)) {
            SplittableRandom random = new SplittableRandom(5);
            for (NDArray b : lora.parameters().asMap().values()) {
                if (b.getName().endsWith(".lora_b")) {
                    float[] values = new float[Math.toIntExact(b.size())];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = (float) ((random.nextDouble() - 0.5) * 0.2);
                    }
                    manager.create(values, b.getShape()).copyTo(b);
                }
            }
            NDArray tokens = manager.create(TOKENS, new Shape(1, TOKENS.length));
            NDArray adapted = lora.forward(tokens, null);
            try (CausalLanguageModel merged = lora.merge(manager)) {
                assertThat(lora.parameters().asMap()).hasSize(2 * 7 * 2);
                assertThat(maxDifference(adapted, merged.forward(tokens, null))).isLessThan(1e-4);
                // The adapter must change the model, or the comparison proves nothing.
                assertThat(maxDifference(adapted, lora.base().forward(tokens, null)))
                        .isGreaterThan(1e-2);
            }
        }
    }

    private static long[] slice(int from, int to) {
        return java.util.Arrays.copyOfRange(TOKENS, from, to);
    }

    static double maxDifference(NDArray a, NDArray b) {
        return a.sub(b).abs().max().getFloat();
    }
}
