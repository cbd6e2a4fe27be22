package dev.llmfleet.trainer.intake;

import static dev.llmfleet.trainer.TrainingData.additionChats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.lifecycle.ImportRequest;
import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.api.trainer.IntakeOutcome;
import dev.llmfleet.api.trainer.IntakeResult;
import dev.llmfleet.api.trainer.RunSettings;
import dev.llmfleet.api.trainer.ValidationReport;
import dev.llmfleet.model.hf.HfFixtures;
import dev.llmfleet.trainer.TrainerServiceApplication;
import dev.llmfleet.trainer.TrainingData;
import dev.llmfleet.trainer.dataset.DatasetService;
import dev.llmfleet.trainer.lifecycle.imports.ImportService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Run settings arriving with a dataset, by every way in: filled in with the trainer's defaults when
 * accepted, refused with the field named when they make no sense, and then nothing is stored.
 */
@SpringBootTest(
        classes = TrainerServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "fleet.registry.enabled=false",
            "fleet.security.enabled=false",
            "fleet.trainer.worker.enabled=false",
            "fleet.gpu.enabled=false",
            "fleet.trainer.worker.retry-delay=1h",
            "fleet.trainer.inbox.poll-interval=100ms",
            "fleet.trainer.inbox.stable-for=500ms"
        })
class RunSettingsIntakeTest {

    static final Path dataDir = temporaryDirectory();
    private static final AtomicInteger offsets = new AtomicInteger(100);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("fleet.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    DatasetService datasets;

    @Autowired
    ImportService imports;

    @Autowired
    JsonMapper json;

    Path trainer = dataDir.resolve("trainer");

    /** v001: the tiny Qwen3 fixture, the base LoRA settings are checked against. */
    @BeforeEach
    void qwenVersion() {
        if (!Files.exists(trainer.resolve("versions/v001"))) {
            HfFixtures.writeFolder(HfFixtures.QWEN3, dataDir.resolve("imports/qwen3-tiny"));
            imports.importModel(new ImportRequest("qwen3-tiny", "the fixture"), "test");
        }
    }

    @Test
    void absentFieldsTakeTheTrainersDefaultsAndTheDatasetShowsThem() {
        IntakeResult result =
                upload("{\"base\":\"scratch\",\"learningRate\":0.001,\"schedule\":\"linear\",\"warmupSteps\":2,"
                        + "\"maxSteps\":50,\"batchSize\":8,\"gradientAccumulation\":2,\"maxLength\":48,"
                        + "\"systemPrompt\":\"Answer with a number.\",\"seed\":7}");

        RunSettings run = result.dataset().run();
        assertThat(result.outcome()).isEqualTo(IntakeOutcome.ACCEPTED);
        assertThat(run)
                .isEqualTo(new RunSettings(
                        "scratch",
                        "full",
                        null,
                        0.001,
                        "linear",
                        2,
                        null,
                        50,
                        8,
                        2,
                        48,
                        "fp32",
                        "Answer with a number.",
                        7L));
        assertThat(datasets.get(result.dataset().sha256()).run()).isEqualTo(run);
    }

    @Test
    void noSettingsAtAllIsTheDefaultRunOnTheDefaultBase() {
        RunSettings run = upload(null).dataset().run();

        assertThat(run.base()).isEqualTo("deployed");
        assertThat(run.method()).isEqualTo("full");
        assertThat(run.maxSteps()).isEqualTo(200);
        assertThat(run.precision()).isEqualTo("fp32");
        // The smaller of 2048 and the context of the model "deployed" stands for now (v001, 40960 tokens).
        assertThat(run.maxLength()).isEqualTo(2048);
    }

    @Test
    void aLoraRunOnAVersionGetsItsAdapterShapeWithTargetsNamedForThatModel() {
        RunSettings all =
                upload("{\"base\":\"v001\",\"method\":\"lora\"}").dataset().run();
        RunSettings some = upload(
                        "{\"base\":\"v001\",\"method\":\"lora\",\"lora\":{\"rank\":4,\"alpha\":8,\"dropout\":0.1,"
                                + "\"targets\":[\"q_proj\",\"v_proj\"]},\"epochs\":2}")
                .dataset()
                .run();

        assertThat(all.lora())
                .isEqualTo(new RunSettings.Lora(
                        8,
                        16.0,
                        0.0,
                        List.of(
                                "self_attn.q_proj",
                                "self_attn.k_proj",
                                "self_attn.v_proj",
                                "self_attn.o_proj",
                                "mlp.gate_proj",
                                "mlp.up_proj",
                                "mlp.down_proj")));
        assertThat(some.lora()).isEqualTo(new RunSettings.Lora(4, 8.0, 0.1, List.of("q_proj", "v_proj")));
        assertThat(some.epochs()).isEqualTo(2);
        assertThat(some.maxSteps()).isNull();
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"base\":\"v042\"}                                  | run.base",
                "{\"base\":\"  \"}                                    | run.base",
                "{\"method\":\"qlora\"}                               | run.method",
                "{\"base\":\"scratch\",\"method\":\"lora\"}           | run.method",
                "{\"lora\":{\"rank\":8}}                              | run.lora",
                "{\"base\":\"v001\",\"method\":\"lora\",\"lora\":{\"rank\":0}}        | run.lora.rank",
                "{\"base\":\"v001\",\"method\":\"lora\",\"lora\":{\"rank\":65}}       | run.lora.rank",
                "{\"base\":\"v001\",\"method\":\"lora\",\"lora\":{\"alpha\":0}}       | run.lora.alpha",
                "{\"base\":\"v001\",\"method\":\"lora\",\"lora\":{\"dropout\":1.0}}   | run.lora.dropout",
                "{\"base\":\"v001\",\"method\":\"lora\",\"lora\":{\"targets\":[]}}    | run.lora.targets",
                "{\"base\":\"v001\",\"method\":\"lora\",\"lora\":{\"targets\":[\"w_proj\"]}} | run.lora.targets",
                "{\"learningRate\":0}                                 | run.learningRate",
                "{\"learningRate\":2.5}                               | run.learningRate",
                "{\"schedule\":\"step\"}                              | run.schedule",
                "{\"warmupSteps\":-1}                                 | run.warmupSteps",
                "{\"warmupSteps\":10,\"maxSteps\":10}                 | run.warmupSteps",
                "{\"epochs\":1,\"maxSteps\":10}                       | run.epochs",
                "{\"epochs\":0}                                       | run.epochs",
                "{\"maxSteps\":0}                                     | run.maxSteps",
                "{\"batchSize\":0}                                    | run.batchSize",
                "{\"batchSize\":5000}                                 | run.batchSize",
                "{\"batchSize\":8.5}                                  | run.batchSize",
                "{\"gradientAccumulation\":0}                         | run.gradientAccumulation",
                "{\"base\":\"scratch\",\"maxLength\":65}              | run.maxLength",
                "{\"maxLength\":1}                                    | run.maxLength",
                "{\"precision\":\"bf16\"}                             | run.precision",
                "{\"precision\":\"int8\"}                             | run.precision",
                "{\"systemPrompt\":\"   \"}                           | run.systemPrompt",
                "{\"seed\":\"abc\"}                                   | run.seed",
                "{\"rank\":8}                                         | run.rank",
                "[1, 2]                                               | run",
                "{\"base\": \"v001\"                                  | run",
            })
    void aRefusedSettingRejectsTheUploadNamingTheFieldAndStoresNothing(String settings, String field) {
        List<DatasetView> before = datasets.list();
        String content = content();

        Refusal refusal = refusedUpload(settings.strip(), content);

        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.problem().path("detail").asString()).startsWith(field + ":");
        assertThat(refusal.problem().path("code").asString()).isEqualTo("invalid-run-settings");
        assertThat(datasets.list()).hasSameSizeAs(before);
        assertThat(upload(null, content).outcome())
                .as("the same content without the bad settings is new")
                .isEqualTo(IntakeOutcome.ACCEPTED);
    }

    @Test
    void aSystemPromptForCompletionDataIsRefused() {
        String content = TrainingData.completion("2 + " + offsets.incrementAndGet() + " =", " sum") + "\n"
                + TrainingData.completion("3 + " + offsets.incrementAndGet() + " =", " sum") + "\n";

        Refusal refusal = refusedUpload("{\"systemPrompt\":\"Be brief.\"}", content);

        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.problem().path("detail").asString()).startsWith("run.systemPrompt:");
    }

    @Test
    void theStreamUploadTakesTheSameSettingsAsAParameter() {
        IntakeResult result = client().post()
                .uri(u -> u.path("/api/trainer/uploads/stream")
                        .queryParam("name", "streamed.jsonl")
                        .queryParam("run", "{run}")
                        .build("{\"batchSize\":4,\"maxSteps\":12}"))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(content().getBytes(StandardCharsets.UTF_8))
                .retrieve()
                .body(IntakeResult.class);

        assertThat(result.dataset().run().batchSize()).isEqualTo(4);
        assertThat(result.dataset().run().maxSteps()).isEqualTo(12);
    }

    @Test
    void anInboxFileTakesTheSettingsFileBesideIt() throws IOException {
        Path inbox = trainer.resolve("inbox");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("weekly.run.json"), "{\"maxSteps\":30,\"seed\":3}");
        Files.writeString(inbox.resolve("weekly.jsonl"), content());

        await().atMost(Duration.ofSeconds(15)).until(() -> !Files.exists(inbox.resolve("weekly.jsonl")));

        DatasetView dataset = datasets.list().stream()
                .filter(d -> d.name().equals("weekly.jsonl"))
                .findFirst()
                .orElseThrow();
        assertThat(dataset.run().maxSteps()).isEqualTo(30);
        assertThat(dataset.run().seed()).isEqualTo(3L);
        assertThat(inbox.resolve("weekly.run.json")).doesNotExist();
    }

    @Test
    void anInboxFileWithRefusedSettingsGoesToRejectedWithTheFieldNamed() throws IOException {
        Path inbox = trainer.resolve("inbox");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("badrun.jsonl.run.json"), "{\"batchSize\":0}");
        Files.writeString(inbox.resolve("badrun.jsonl"), content());

        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(trainer.resolve("rejected/badrun.jsonl")));

        ValidationReport report = json.readValue(
                trainer.resolve("rejected/badrun.jsonl.report.json").toFile(), ValidationReport.class);
        assertThat(report.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("invalid-run-settings");
            assertThat(issue.message()).startsWith("run.batchSize:");
        });
        assertThat(datasets.list()).noneMatch(d -> d.name().equals("badrun.jsonl"));
        assertThat(inbox.resolve("badrun.jsonl.run.json")).doesNotExist();
    }

    private record Refusal(int status, JsonNode problem) {}

    private Refusal refusedUpload(String settings, String content) {
        return client().post()
                .uri("/api/trainer/uploads")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(multipart("refused.jsonl", content, settings))
                .exchange((request, response) -> new Refusal(
                        response.getStatusCode().value(),
                        json.readTree(response.getBody().readAllBytes())));
    }

    private IntakeResult upload(String settings) {
        return upload(settings, content());
    }

    private IntakeResult upload(String settings, String content) {
        return client().post()
                .uri("/api/trainer/uploads")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(multipart("data.jsonl", content, settings))
                .retrieve()
                .body(IntakeResult.class);
    }

    private static String content() {
        return String.join("\n", additionChats(6, offsets.addAndGet(10))) + "\n";
    }

    private static MultiValueMap<String, Object> multipart(String name, String content, String settings) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        if (settings != null) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            parts.add("run", new HttpEntity<>(settings, headers));
        }
        return parts;
    }

    private RestClient client() {
        return RestClient.create("http://localhost:" + port);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("run-settings-intake");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
