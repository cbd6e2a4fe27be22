package dev.llmfleet.trainer.lifecycle.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.inference.ModelVersionsClient;
import dev.llmfleet.api.inference.VersionFile;
import dev.llmfleet.api.inference.VersionManifest;
import dev.llmfleet.api.lifecycle.ImportedVersion;
import dev.llmfleet.api.lifecycle.VersionView;
import dev.llmfleet.model.ModelJson;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.hf.HfFixtures;
import dev.llmfleet.trainer.lifecycle.LifecycleFixtures;
import dev.llmfleet.trainer.lifecycle.LifecycleTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A Hugging Face folder becomes a version over REST; every path or folder that is not a model is refused and nothing is imported. */
@LifecycleTest
class ModelImportTest {

    private static final Path IMPORTS =
            Path.of(LifecycleFixtures.DATA_DIR, "imports").toAbsolutePath().normalize();
    private static final Path OUTSIDE =
            Path.of("target/import-outside").toAbsolutePath().normalize();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    RestClient http;

    @BeforeEach
    void empty() throws IOException {
        LifecycleFixtures.reset(jdbc);
        LifecycleFixtures.clearChildren(IMPORTS);
        Files.createDirectories(OUTSIDE);
        LifecycleFixtures.clearChildren(OUTSIDE);
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    @Test
    void importsAQwen3FolderAsAVersionWithExactlyItsModelFiles() throws IOException {
        HfFixtures.writeFolder(HfFixtures.QWEN3, IMPORTS.resolve("qwen3-tiny"));
        Files.writeString(IMPORTS.resolve("qwen3-tiny/README.md"), "not part of the model");

        ResponseEntity<ImportedVersion> response =
                post(Map.of("path", "qwen3-tiny", "description", "the fixture")).toEntity(ImportedVersion.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ImportedVersion imported = response.getBody();
        assertThat(imported.version()).isEqualTo("v001");
        assertThat(imported.family()).isEqualTo("qwen3");
        assertThat(imported.parameters()).isEqualTo(9_847_232L);
        assertThat(imported.dtype()).isEqualTo("bfloat16");
        assertThat(imported.contextLength()).isEqualTo(40_960);
        assertThat(imported.description()).isEqualTo("the fixture");

        Path version = LifecycleFixtures.trainerDir().resolve("versions/v001");
        assertThat(CheckpointReader.open(version).manifest().files())
                .extracting(f -> f.path())
                .containsExactly(
                        "config.json",
                        "generation_config.json",
                        "model.safetensors",
                        "tokenizer.json",
                        "tokenizer_config.json");
        assertThat(Files.mismatch(
                        version.resolve("model.safetensors"), IMPORTS.resolve("qwen3-tiny/model.safetensors")))
                .isEqualTo(-1);
        VersionManifest manifest = http.get()
                .uri(ModelVersionsClient.BASE_PATH + "/v001/manifest")
                .retrieve()
                .body(VersionManifest.class);
        assertThat(manifest.modelName()).isEqualTo("qwen3");
        assertThat(manifest.files()).extracting(VersionFile::path).contains("manifest.json", "model.safetensors");
        VersionView view = http.get()
                .uri(ModelVersionsClient.BASE_PATH + "/v001")
                .retrieve()
                .body(VersionView.class);
        assertThat(view.trainingMode()).isEqualTo("import");
        assertThat(view.current()).isTrue();
    }

    @Test
    void aSecondImportBacksUpTheCurrentVersionFirstAndTakesAnAbsolutePathInsideTheRoot() {
        HfFixtures.writeFolder(HfFixtures.QWEN3, IMPORTS.resolve("first"));
        HfFixtures.writeFolder(HfFixtures.LLAMA, IMPORTS.resolve("second"));
        post(Map.of("path", "first")).toBodilessEntity();

        ImportedVersion second =
                post(Map.of("path", IMPORTS.resolve("second").toString())).body(ImportedVersion.class);

        assertThat(second.version()).isEqualTo("v002");
        assertThat(second.family()).isEqualTo("llama");
        assertThat(second.dtype()).isEqualTo("float32");
        assertThat(second.backup()).isNotNull();
    }

    @Test
    void refusesPathsOutsideTheImportRoots() throws IOException {
        HfFixtures.writeFolder(HfFixtures.QWEN3, OUTSIDE.resolve("model"));

        assertRefused(Map.of("path", OUTSIDE.resolve("model").toString()), "import-path-outside-roots");
        assertRefused(Map.of("path", "../../import-outside/model"), "import-path-outside-roots");
        assertRefused(Map.of("path", "/etc"), "import-path-outside-roots");
        assertRefused(Map.of("description", "no path"), "import-path-missing");
        assertRefused(Map.of("path", "does-not-exist"), "import-path-not-a-folder");
    }

    @Test
    void refusesASymbolicLinkOutOfTheRootsForTheFolderOrAnyOfItsFiles() throws IOException {
        Path real = HfFixtures.writeFolder(HfFixtures.QWEN3, OUTSIDE.resolve("model"));
        Files.createSymbolicLink(IMPORTS.resolve("linked"), real);
        assertRefused(Map.of("path", "linked"), "import-path-links-out");

        Path inside = HfFixtures.writeFolder(HfFixtures.QWEN3, IMPORTS.resolve("inside"));
        Files.delete(inside.resolve("tokenizer.json"));
        Files.createSymbolicLink(inside.resolve("tokenizer.json"), real.resolve("tokenizer.json"));
        assertRefused(Map.of("path", "inside"), "import-path-links-out");
    }

    @Test
    void refusesFoldersThatAreNotModelsNamingWhatIsWrong() throws IOException {
        Files.createDirectories(IMPORTS.resolve("empty"));
        assertThat(assertRefused(Map.of("path", "empty"), "import-not-a-model")).contains("config.json");

        Path mistral = HfFixtures.writeFolder(HfFixtures.QWEN3, IMPORTS.resolve("mistral"));
        ObjectNode config = (ObjectNode) ModelJson.MAPPER.readTree(Files.readString(mistral.resolve("config.json")));
        Files.writeString(
                mistral.resolve("config.json"),
                config.put("model_type", "mistral").toString());
        assertThat(assertRefused(Map.of("path", "mistral"), "import-not-a-model"))
                .contains("model_type");

        Path template = HfFixtures.writeFolder(HfFixtures.QWEN3, IMPORTS.resolve("bad-template"));
        ObjectNode tokenizer =
                (ObjectNode) ModelJson.MAPPER.readTree(Files.readString(template.resolve("tokenizer_config.json")));
        Files.writeString(
                template.resolve("tokenizer_config.json"),
                tokenizer
                        .put("chat_template", "{% for m in messages %}{{ m.content }")
                        .toString());
        assertThat(assertRefused(Map.of("path", "bad-template"), "import-not-a-model"))
                .contains("template");

        assertThat(jdbc.queryForObject("select count(*) from model_version", Integer.class))
                .isZero();
        try (Stream<Path> versions = Files.list(LifecycleFixtures.trainerDir().resolve("versions"))) {
            assertThat(versions.toList()).isEmpty();
        }
    }

    private RestClient.ResponseSpec post(Map<String, String> body) {
        return http.post()
                .uri(ModelVersionsClient.BASE_PATH + "/import")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve();
    }

    /** Asserts a 400 problem with {@code code}; returns its detail. */
    private String assertRefused(Map<String, String> body, String code) {
        ResponseEntity<JsonNode> response = post(body).toEntity(JsonNode.class);
        assertThat(response.getStatusCode()).as(response.getBody().toString()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("code").asString()).isEqualTo(code);
        return response.getBody().get("detail").asString();
    }
}
