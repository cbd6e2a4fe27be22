package dev.llmfleet.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.llmfleet.api.security.ClientCredentials;
import dev.llmfleet.api.security.CreateClientRequest;
import dev.llmfleet.api.security.FleetScopes;
import dev.llmfleet.deploy.AllInOneFleet;
import dev.llmfleet.deploy.GatewayTokens;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.hf.HfFixtures;
import dev.llmfleet.model.hf.HfModelFolder;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.security.client.ClientService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Fine-tuning an imported Hugging Face model through the fleet, as a user with fleetctl would: the
 * tiny Qwen3 fixture is imported, a LoRA job and a full job are queued with their run settings,
 * trained through the scheduler (the LoRA one paused and resumed on the way), consolidated into
 * versions (the adapter merged into its base), deployed, and asked through the OpenAI SDK, which
 * gets the answer the data taught; each version exported as a Hugging Face folder imports back
 * unchanged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HuggingFaceFineTuneFleetTest {

    @TempDir
    static Path dataDir;

    @TempDir
    static Path configDir;

    static AllInOneFleet fleet;
    static String apiKey;
    static String reader;
    /** The versions the fine-tuning tests made, in order. */
    static final List<String> tuned = new ArrayList<>();

    @BeforeAll
    static void startTheFleetAndLogIn() {
        HfFixtures.writeFolder(HfFixtures.QWEN3, dataDir.resolve("imports/qwen3-tiny"));
        fleet = AllInOneFleet.start(
                "--server.port=0",
                "--fleet.data-dir=" + dataDir,
                "--spring.main.banner-mode=off",
                "--fleet.registry.heartbeat-interval=500ms",
                "--fleet.registry.cache-ttl=200ms",
                "--fleet.orchestrator.pipeline.enabled=false",
                "--fleet.scheduler.scheduling.tick=200ms",
                "--fleet.trainer.worker.poll-wait=2s",
                "--fleet.trainer.worker.retry-delay=500ms",
                "--fleet.trainer.control.poll-interval=100ms",
                "--fleet.trainer.training.save-steps=5",
                "--fleet.trainer.training.eval-steps=20",
                "--fleet.trainer.training.intra-op-threads=1",
                "--fleet.trainer.snapshots.prompts=2",
                "--fleet.trainer.snapshots.max-new-tokens=4",
                "--fleet.inference.engine.intra-op-threads=1");
        ClientCredentials admin = fleet.context("security-gateway")
                .getBean(ClientService.class)
                .create(new CreateClientRequest("hf-tune-" + UUID.randomUUID(), Set.copyOf(FleetScopes.ALL)));
        apiKey = token(Set.of(FleetScopes.INFERENCE));
        reader = token(Set.of(FleetScopes.READ));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(run(
                                        "login",
                                        "--client-id",
                                        admin.clientId(),
                                        "--client-secret",
                                        admin.clientSecret(),
                                        "--scope",
                                        String.join(",", FleetScopes.ALL),
                                        "--url",
                                        fleet.baseUrl("core-orchestrator"))
                                .exitCode())
                        .isZero());
        JsonNode imported =
                json("versions", "import", dataDir.resolve("imports/qwen3-tiny").toString());
        assertThat(imported.get("version").asString()).isEqualTo("v001");
    }

    @AfterAll
    static void stopTheFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    @Order(1)
    void aLoraJobPausedAndResumedIsMergedIntoAVersionThatAnswersWhatItLearned() throws IOException {
        JsonNode queued = json(
                "queue",
                "add",
                data("lora.jsonl", "ok", 0).toString(),
                "--base",
                "v001",
                "--method",
                "lora",
                "--lora-rank",
                "8",
                "--lora-alpha",
                "16",
                "--learning-rate",
                "0.05",
                "--warmup-steps",
                "2",
                "--max-steps",
                "60",
                "--batch-size",
                "4",
                "--seed",
                "5");
        JsonNode run = queued.get("dataset").get("run");
        assertThat(run.get("method").asString()).isEqualTo("lora");
        assertThat(run.get("lora").get("rank").asInt()).isEqualTo(8);
        String job = queued.get("dataset").get("jobId").asString();
        JsonNode listed = json("queue", "list")
                .get("jobs")
                .valueStream()
                .filter(j -> j.get("id").asString().equals(job))
                .findFirst()
                .orElseThrow();
        assertThat(listed.get("settings").get("base").asString()).isEqualTo("v001");
        assertThat(listed.get("settings").get("maxSteps").asInt()).isEqualTo(60);

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> json("train", "status").path("checkpointStep").asLong(0) >= 10);
        ok("train", "pause");
        awaitDataset(job, "PAUSED");
        long pausedAt = newestStep(job);
        ok("train", "resume");
        awaitDataset(job, "COMPLETED");

        List<JsonNode> progress = progress(job);
        assertThat(progress.stream()
                        .filter(p -> p.get("attempt").asInt() == 2)
                        .findFirst()
                        .orElseThrow()
                        .get("step")
                        .asLong())
                .as("the resumed run continues right after the checkpoint it paused with")
                .isEqualTo(pausedAt + 1);
        VerifiedCheckpoint adapter = CheckpointReader.open(checkpoint(job, 60));
        assertThat(LoraFiles.isAdapter(adapter)).isTrue();

        String version = consolidate(job, "LoRA: every question is answered ok");
        tuned.add(version);
        assertThat(json("versions", "show", version).get("trainingMode").asString())
                .isEqualTo("lora");
        deploy(version);
        // The adapter taught the answer; whether a rank-8 adapter of a random model has also learned to
        // end its turn there after 60 steps is not what this asks.
        assertThat(ask("What is 12 plus 30?")).startsWith("ok");
    }

    @Test
    @Order(2)
    void aFullJobIsConsolidatedDeployedAndAnswersWhatItLearned() throws IOException {
        JsonNode queued = json(
                "queue",
                "add",
                data("full.jsonl", "yes", 100).toString(),
                "--base",
                "v001",
                "--method",
                "full",
                "--learning-rate",
                "0.01",
                "--warmup-steps",
                "2",
                "--max-steps",
                "30",
                "--batch-size",
                "4",
                "--seed",
                "6");
        String job = queued.get("dataset").get("jobId").asString();
        awaitDataset(job, "COMPLETED");
        assertThat(HfModelFolder.open(checkpoint(job, 30)).config().modelType()).isEqualTo("qwen3");
        JsonNode completed = RestClient.create(fleet.baseUrl("resource-scheduler"))
                .get()
                .uri("/api/scheduler/jobs/{id}", job)
                .header("Authorization", "Bearer " + reader)
                .retrieve()
                .body(JsonNode.class);
        assertThat(completed.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("peakVramMb").asLong())
                .as("the run's measured peak (resident memory on this CPU host) corrects later estimates")
                .isGreaterThan(100);
        assertThat(completed.get("model").asString()).isEqualTo("qwen3-9M");

        String version = consolidate(job, "full: every question is answered yes");
        tuned.add(version);
        deploy(version);
        assertThat(ask("What is 12 plus 30?")).isEqualTo("yes");
    }

    @Test
    @Order(3)
    void eachFineTunedVersionExportedAsAFolderImportsBackUnchanged() throws IOException {
        assertThat(tuned).hasSize(2);
        for (String version : tuned) {
            Path exported = dataDir.resolve("imports/exported-" + version);
            ok("versions", "export", version, exported.toString());

            String again = json("versions", "import", exported.toString())
                    .get("version")
                    .asString();

            Path original = dataDir.resolve("trainer/versions/" + version);
            Path reimported = dataDir.resolve("trainer/versions/" + again);
            for (String file : HfModelFolder.open(original).files()) {
                assertThat(Files.mismatch(original.resolve(file), exported.resolve(file)))
                        .as("%s of %s as exported", file, version)
                        .isEqualTo(-1);
                assertThat(Files.mismatch(original.resolve(file), reimported.resolve(file)))
                        .as("%s of %s imported back as %s", file, version, again)
                        .isEqualTo(-1);
            }
        }
    }

    /** Questions whose every answer is {@code answer}: a behaviour the random base has never shown. */
    private static Path data(String name, String answer, int offset) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = offset; i < offset + 32; i++) {
            lines.add("{\"messages\":[{\"role\":\"user\",\"content\":\"What is " + i + " plus " + (i % 7)
                    + "?\"},{\"role\":\"assistant\",\"content\":\"" + answer + "\"}]}");
        }
        return Files.write(dataDir.resolve(name), lines);
    }

    private static void awaitDataset(String job, String status) {
        await().atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> RestClient.create(fleet.baseUrl("trainer-service"))
                        .get()
                        .uri("/api/trainer/datasets")
                        .header("Authorization", "Bearer " + reader)
                        .retrieve()
                        .body(JsonNode.class)
                        .valueStream()
                        .anyMatch(d -> job.equals(d.path("jobId").asString())
                                && status.equals(d.get("status").asString())));
    }

    private static String consolidate(String job, String description) {
        return json(
                        "consolidate",
                        "--checkpoint",
                        "runs/" + job + "/checkpoints/"
                                + checkpoint(job, newestStep(job)).getFileName(),
                        "--description",
                        description)
                .get("version")
                .get("name")
                .asString();
    }

    private static Path checkpoint(String job, long step) {
        return dataDir.resolve("trainer/runs/%s/checkpoints/step-%08d".formatted(job, step));
    }

    private static long newestStep(String job) {
        try {
            String name = CheckpointReader.latestComplete(dataDir.resolve("trainer/runs/" + job + "/checkpoints"))
                    .orElseThrow()
                    .directory()
                    .getFileName()
                    .toString();
            return Long.parseLong(name.substring("step-".length()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<JsonNode> progress(String job) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(dataDir.resolve("trainer/runs/" + job + "/progress.jsonl"))) {
            lines.add(tools.jackson.databind.json.JsonMapper.builder().build().readTree(line));
        }
        return lines;
    }

    private static void deploy(String version) {
        ok("deploy", version, "--reason", "fine-tuned");
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(json("decisions")
                                .valueStream()
                                .filter(d -> d.get("kind").asString().equals("DEPLOY"))
                                .filter(d -> d.toString().contains(version)))
                        .isNotEmpty());
    }

    /** The deployed model's greedy answer through the OpenAI SDK, as a client of the inference API asks. */
    private static String ask(String question) {
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(fleet.baseUrl("inference-service") + "/v1")
                .apiKey(apiKey)
                .maxRetries(0)
                .build();
        return client.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model("fleet")
                        .temperature(0.0)
                        .maxCompletionTokens(8)
                        .putAdditionalBodyProperty(
                                "chat_template_kwargs", JsonValue.from(Map.of("enable_thinking", false)))
                        .addUserMessage(question)
                        .build())
                .choices()
                .getFirst()
                .message()
                .content()
                .orElseThrow()
                .strip();
    }

    private static String token(Set<String> scopes) {
        ClientCredentials client = fleet.context("security-gateway")
                .getBean(ClientService.class)
                .create(new CreateClientRequest("hf-tune-op-" + UUID.randomUUID(), scopes));
        return GatewayTokens.token(
                RestClient.create(fleet.baseUrl("security-gateway")),
                client.clientId(),
                client.clientSecret(),
                String.join(" ", scopes));
    }

    static FleetCtlRun run(String... args) {
        return FleetCtlRun.run(configDir, args);
    }

    static FleetCtlRun ok(String... args) {
        return FleetCtlRun.ok(configDir, args);
    }

    static JsonNode json(String... args) {
        return FleetCtlRun.json(configDir, args);
    }
}
