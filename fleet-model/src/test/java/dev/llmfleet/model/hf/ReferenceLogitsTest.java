package dev.llmfleet.model.hf;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/** The fleet's forward pass against transformers' logits for the same weights (FP32 compute). */
class ReferenceLogitsTest {

    static final java.util.List<String> VARIANTS = HfFixtures.ALL;

    @TempDir
    Path directory;

    @ParameterizedTest
    @FieldSource("VARIANTS")
    void buildsTheSameWeightsAsTheReferenceScript(String variant) throws Exception {
        DecoderConfig config = HfFixtures.config(variant);
        JsonNode expected = HfFixtures.expected(variant).get("tensor_sha256");

        for (Map.Entry<String, long[]> tensor : DecoderLayout.tensors(config).entrySet()) {
            ByteBuffer bytes = SyntheticWeights.bytes(
                    tensor.getKey(), tensor.getValue(), config.dtype(), HfFixtures.seed(variant));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes);
            assertThat(HexFormat.of().formatHex(digest.digest()))
                    .as(tensor.getKey())
                    .isEqualTo(expected.get(tensor.getKey()).asString());
        }
        assertThat(expected.size()).isEqualTo(DecoderLayout.tensors(config).size());
    }

    @ParameterizedTest
    @FieldSource("VARIANTS")
    void logitsMatchTransformersWithin1e4(String variant) {
        JsonNode expected = HfFixtures.expected(variant);
        HfModelFolder folder = HfModelFolder.open(HfFixtures.writeFolder(variant, directory));
        try (NDManager manager = NDManager.newBaseManager();
                DecoderModel model = folder.load(manager)) {
            for (String input : new String[] {"prompt", "plain"}) {
                long[] ids = longs(expected.get(input + "_ids"));
                NDArray logits = model.forward(manager.create(ids, new Shape(1, ids.length)), null);
                assertMatches(logits.get(new NDIndex(0)), expected.get(input + "_logits"), expected.get("stride_ids"));
            }
        }
    }

    static void assertMatches(NDArray logits, JsonNode rows, JsonNode strideIds) {
        assertThat(logits.getShape().get(0)).isEqualTo(rows.size());
        for (int t = 0; t < rows.size(); t++) {
            float[] row = logits.get(new NDIndex(t)).toFloatArray();
            JsonNode want = rows.get(t);
            double logSumExp = logSumExp(row);
            assertThat(logSumExp)
                    .as("logsumexp at %d", t)
                    .isCloseTo(want.get("logsumexp").asDouble(), within());
            for (int i = 0; i < want.get("top_ids").size(); i++) {
                int id = want.get("top_ids").get(i).asInt();
                assertThat((double) row[id])
                        .as("logit of top token %d at %d", id, t)
                        .isCloseTo(want.get("top_logits").get(i).asDouble(), within());
            }
            for (int i = 0; i < strideIds.size(); i++) {
                int id = strideIds.get(i).asInt();
                assertThat((double) row[id])
                        .as("logit of token %d at %d", id, t)
                        .isCloseTo(want.get("sampled_logits").get(i).asDouble(), within());
            }
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-4);
    }

    static double logSumExp(float[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : row) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }
}
