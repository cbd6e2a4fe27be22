package dev.llmfleet.model.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.llmfleet.model.ModelFormatException;
import dev.llmfleet.model.ModelJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** What a model folder must hold, and the error that names what is wrong when it does not. */
class HfModelFolderTest {

    @TempDir
    Path directory;

    @Test
    void opensTheFixtureAndListsTheFilesAModelFolderHas() {
        HfModelFolder folder = HfModelFolder.open(fixture());

        assertThat(folder.config().modelType()).isEqualTo("qwen3");
        assertThat(folder.config().dtype()).isEqualTo(TensorType.BF16);
        assertThat(folder.config().headDim()).isEqualTo(32);
        assertThat(folder.parameterCount()).isEqualTo(9_847_232L);
        assertThat(folder.files())
                .containsExactly(
                        "config.json",
                        "generation_config.json",
                        "model.safetensors",
                        "tokenizer.json",
                        "tokenizer_config.json");
        assertThat(folder.generation().eosTokenIds()).containsExactly(151645, 151643);
        assertThat(folder.tokenizer().chatTemplate()).isPresent();
    }

    @Test
    void refusesAModelTypeItDoesNotRun() {
        Path folder = fixtureWithConfig(c -> c.put("model_type", "mistral"));

        assertRefused(folder, "config.json: model_type is 'mistral'; the fleet runs qwen3, qwen2, llama");
    }

    @Test
    void refusesARopeScalingTypeItDoesNotImplement() {
        Path folder = fixtureWithConfig(
                c -> c.putObject("rope_scaling").put("rope_type", "yarn").put("factor", 4.0));

        assertRefused(folder, "config.json: rope_scaling.rope_type is 'yarn'");
    }

    @Test
    void refusesAnUnknownDtypeInTheConfig() {
        Path folder = fixtureWithConfig(c -> c.put("torch_dtype", "float8_e4m3fn"));

        assertRefused(folder, "config.json: torch_dtype is 'float8_e4m3fn'");
    }

    @Test
    void refusesSettingsItDoesNotImplementNamingTheField() {
        assertRefused(fixtureWithConfig(c -> c.put("use_sliding_window", true)), "use_sliding_window is true");
        assertRefused(fixtureWithConfig(c -> c.put("hidden_act", "gelu")), "hidden_act is 'gelu'");
        assertRefused(fixtureWithConfig(c -> c.put("num_key_value_heads", 3)), "num_key_value_heads (3) must divide");
        assertRefused(fixtureWithConfig(c -> c.putObject("quantization_config")), "quantization_config is set");
        assertRefused(fixtureWithConfig(c -> c.put("hidden_size", -64)), "hidden_size must be a positive integer");
        assertRefused(fixtureWithConfig(c -> c.remove("vocab_size")), "vocab_size is missing");
    }

    @Test
    void refusesAMissingTensorNamingIt() throws IOException {
        Path folder = fixtureWithTensors(tensors -> tensors.remove("model.layers.1.self_attn.k_norm.weight"));

        assertRefused(folder, "tensor model.layers.1.self_attn.k_norm.weight is missing from the weights");
    }

    @Test
    void refusesAMisShapedTensorNamingIt() throws IOException {
        Path folder = fixtureWithTensors(tensors -> tensors.put(
                "model.layers.0.mlp.up_proj.weight",
                tensor("model.layers.0.mlp.up_proj.weight", TensorType.BF16, 64, 64)));

        assertRefused(
                folder, "tensor model.layers.0.mlp.up_proj.weight has shape [64, 64] but config.json needs [192, 64]");
    }

    @Test
    void refusesATensorOfAnUnknownDtypeNamingIt() throws IOException {
        Path folder = fixtureWithConfig(c -> {});
        writeRaw(
                folder.resolve("model.safetensors"),
                "{\"model.norm.weight\":{\"dtype\":\"F8_E4M3\",\"shape\":[64]," + "\"data_offsets\":[0,64]}}",
                64);

        assertRefused(folder, "tensor model.norm.weight in model.safetensors has dtype 'F8_E4M3'");
    }

    @Test
    void refusesATensorTheModelWouldNotUse() throws IOException {
        Path folder = fixtureWithTensors(tensors -> tensors.put(
                "model.layers.0.mlp.extra.weight", tensor("model.layers.0.mlp.extra.weight", TensorType.BF16, 4, 4)));

        assertRefused(folder, "tensor model.layers.0.mlp.extra.weight is not part of a qwen3 model");
    }

    @Test
    void refusesAFolderWithoutWeightsOrTokenizer() throws IOException {
        Path noWeights = fixture();
        Files.delete(noWeights.resolve("model.safetensors"));
        assertRefused(noWeights, "no weights: neither model.safetensors nor model.safetensors.index.json");

        Path noTokenizer = HfFixtures.writeFolder(HfFixtures.QWEN3, directory.resolve("no-tokenizer"));
        Files.delete(noTokenizer.resolve("tokenizer.json"));
        assertRefused(noTokenizer, "tokenizer.json is missing");
    }

    @Test
    void refusesATruncatedOrCorruptSafetensorsFile() throws IOException {
        Path folder = fixture();
        Path weights = folder.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertRefused(folder, "in model.safetensors ends at byte");

        Files.write(weights, new byte[] {1, 2, 3});
        assertRefused(folder, "model.safetensors is too short to be a safetensors file");
    }

    @Test
    void readsShardedWeightsThroughTheIndexAndRefusesAShardOutsideTheFolder() throws IOException {
        Path sharded = shardedFixture();
        HfModelFolder folder = HfModelFolder.open(sharded);
        assertThat(folder.files())
                .contains(
                        "model.safetensors.index.json",
                        "model-00001-of-00002.safetensors",
                        "model-00002-of-00002.safetensors")
                .doesNotContain("model.safetensors");
        try (NDManager manager = NDManager.newBaseManager();
                DecoderModel fromShards = folder.load(manager);
                DecoderModel fromOne = HfModelFolder.open(fixture()).load(manager)) {
            NDArray tokens = manager.create(new long[] {1, 2, 3, 151644}, new Shape(1, 4));
            assertThat(fromShards.forward(tokens, null).contentEquals(fromOne.forward(tokens, null)))
                    .isTrue();
        }

        Files.writeString(
                sharded.resolve("model.safetensors.index.json"),
                "{\"weight_map\":{\"model.norm.weight\":\"../../etc/passwd.safetensors\"}}");
        assertRefused(sharded, "model.safetensors.index.json: weight_map names a file '../../etc/passwd.safetensors'");
    }

    @Test
    void writesBackTheSameBf16BytesItRead() throws Exception {
        Path source = fixture();
        HfModelFolder folder = HfModelFolder.open(source);
        try (NDManager manager = NDManager.newBaseManager();
                DecoderModel model = folder.load(manager)) {
            Path copy = HfFixtures.writePlain(
                    directory.resolve("written"),
                    HfModelWriter.entries(
                            model.config(),
                            HfModelWriter.of(model),
                            source,
                            List.of("tokenizer.json", "tokenizer_config.json")));
            SafetensorsFile original = SafetensorsFile.open(source.resolve("model.safetensors"));
            SafetensorsFile written = SafetensorsFile.open(copy.resolve("model.safetensors"));
            assertThat(written.tensors().keySet())
                    .containsExactlyInAnyOrderElementsOf(original.tensors().keySet());
            for (String name : original.tensors().keySet()) {
                assertThat(sha256(written, name)).as(name).isEqualTo(sha256(original, name));
                assertThat(written.tensors().get(name).type()).isEqualTo(TensorType.BF16);
            }
        }
    }

    private Path fixture() {
        return HfFixtures.writeFolder(HfFixtures.QWEN3, directory.resolve("fixture-" + System.nanoTime()));
    }

    private Path fixtureWithConfig(Consumer<ObjectNode> change) {
        Path folder = fixture();
        try {
            ObjectNode config = (ObjectNode) ModelJson.MAPPER.readTree(Files.readString(folder.resolve("config.json")));
            change.accept(config);
            Files.writeString(folder.resolve("config.json"), ModelJson.MAPPER.writeValueAsString(config));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return folder;
    }

    private Path fixtureWithTensors(Consumer<Map<String, SafetensorsWriter.Tensor>> change) throws IOException {
        Path folder = fixture();
        DecoderConfig config = HfFixtures.config(HfFixtures.QWEN3);
        Map<String, SafetensorsWriter.Tensor> tensors = new LinkedHashMap<>();
        DecoderLayout.tensors(config).forEach((name, shape) -> tensors.put(name, tensor(name, TensorType.BF16, shape)));
        change.accept(tensors);
        try (OutputStream out = Files.newOutputStream(folder.resolve("model.safetensors"))) {
            SafetensorsWriter.write(new ArrayList<>(tensors.values()), Map.of(), out);
        }
        return folder;
    }

    private Path shardedFixture() throws IOException {
        Path folder = fixture();
        Files.delete(folder.resolve("model.safetensors"));
        DecoderConfig config = HfFixtures.config(HfFixtures.QWEN3);
        List<SafetensorsWriter.Tensor> first = new ArrayList<>();
        List<SafetensorsWriter.Tensor> second = new ArrayList<>();
        Map<String, String> weightMap = new LinkedHashMap<>();
        DecoderLayout.tensors(config).forEach((name, shape) -> {
            boolean early = name.contains("embed_tokens") || name.contains("layers.0.");
            (early ? first : second).add(tensor(name, TensorType.BF16, shape));
            weightMap.put(name, early ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors");
        });
        try (OutputStream out = Files.newOutputStream(folder.resolve("model-00001-of-00002.safetensors"))) {
            SafetensorsWriter.write(first, Map.of("format", "pt"), out);
        }
        try (OutputStream out = Files.newOutputStream(folder.resolve("model-00002-of-00002.safetensors"))) {
            SafetensorsWriter.write(second, Map.of("format", "pt"), out);
        }
        Files.writeString(
                folder.resolve("model.safetensors.index.json"),
                ModelJson.MAPPER.writeValueAsString(Map.of("metadata", Map.of(), "weight_map", weightMap)));
        return folder;
    }

    private static SafetensorsWriter.Tensor tensor(String name, TensorType type, long... shape) {
        return new SafetensorsWriter.Tensor(
                name, type, shape, () -> SyntheticWeights.bytes(name, shape, type, HfFixtures.seed(HfFixtures.QWEN3)));
    }

    private static void writeRaw(Path file, String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(json.length).put(json);
        Files.write(file, buffer.array());
    }

    private static void assertRefused(Path folder, String message) {
        assertThatThrownBy(() -> HfModelFolder.open(folder))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(message);
    }

    private static String sha256(SafetensorsFile file, String tensor) throws Exception {
        SafetensorsFile.TensorInfo info = file.tensors().get(tensor);
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(info.end() - info.begin()));
        file.read(tensor, 0, bytes);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(bytes.flip());
        return HexFormat.of().formatHex(digest.digest());
    }
}
