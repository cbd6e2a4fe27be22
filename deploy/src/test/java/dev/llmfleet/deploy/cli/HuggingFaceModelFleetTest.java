package dev.llmfleet.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionTokenLogprob;
import dev.llmfleet.api.security.ClientCredentials;
import dev.llmfleet.api.security.CreateClientRequest;
import dev.llmfleet.api.security.FleetScopes;
import dev.llmfleet.deploy.AllInOneFleet;
import dev.llmfleet.deploy.GatewayTokens;
import dev.llmfleet.model.hf.HfFixtures;
import dev.llmfleet.security.client.ClientService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * A Hugging Face model's way through the fleet, with security on: the tiny Qwen3 fixture (real
 * Qwen3 tokenizer and chat template) is imported as an administrator would, deployed, and asked
 * through the OpenAI Java SDK, which must get transformers' greedy answer and logprobs; then it is
 * exported as a Hugging Face folder, imported again, and answers exactly the same.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HuggingFaceModelFleetTest {

    private static final JsonNode EXPECTED = HfFixtures.expected(HfFixtures.QWEN3);

    @TempDir
    static Path dataDir;

    @TempDir
    static Path configDir;

    static AllInOneFleet fleet;
    static ClientCredentials admin;
    static String apiKey;
    static List<ChatCompletionTokenLogprob> firstAnswer;

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
                "--fleet.trainer.worker.enabled=false",
                "--fleet.inference.engine.intra-op-threads=1");
        admin = fleet.context("security-gateway")
                .getBean(ClientService.class)
                .create(new CreateClientRequest("hf-e2e-" + UUID.randomUUID(), Set.copyOf(FleetScopes.ALL)));
        apiKey = token(Set.of(FleetScopes.INFERENCE));
        String registry = fleet.baseUrl("core-orchestrator");
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
                                        registry)
                                .exitCode())
                        .isZero());
    }

    @AfterAll
    static void stopTheFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    @Order(1)
    void onlyAnAdministratorMayImport() {
        String operator = token(Set.of(FleetScopes.READ, FleetScopes.OPERATE));
        var response = RestClient.builder()
                .baseUrl(fleet.baseUrl("trainer-service"))
                .defaultStatusHandler(status -> true, (request, answer) -> {})
                .build()
                .post()
                .uri("/api/trainer/versions/import")
                .header("Authorization", "Bearer " + operator)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("path", "qwen3-tiny"))
                .retrieve()
                .toEntity(JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    @Order(2)
    void importsTheFixtureAndServesTransformersGreedyAnswerAndLogprobs() {
        JsonNode imported = json(
                "versions",
                "import",
                dataDir.resolve("imports/qwen3-tiny").toString(),
                "--description",
                "tiny random Qwen3");
        assertThat(imported.get("version").asString()).isEqualTo("v001");
        assertThat(imported.get("family").asString()).isEqualTo("qwen3");
        assertThat(imported.get("dtype").asString()).isEqualTo("bfloat16");
        assertThat(imported.get("parameters").asLong()).isEqualTo(9_847_232L);
        assertThat(imported.get("contextLength").asInt()).isEqualTo(40_960);

        deploy("v001");
        firstAnswer = askGreedily();

        JsonNode greedy = EXPECTED.get("greedy");
        assertThat(firstAnswer).hasSize(greedy.get("steps").size());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < firstAnswer.size(); i++) {
            JsonNode step = greedy.get("steps").get(i);
            assertThat(firstAnswer.get(i).logprob())
                    .isCloseTo(step.get("logprob").asDouble(), within(1e-4));
            assertThat(firstAnswer.get(i).topLogprobs().getFirst().logprob())
                    .isCloseTo(step.get("top_logprobs").get(0).asDouble(), within(1e-4));
            text.append(firstAnswer.get(i).token());
        }
        assertThat(text.toString()).isEqualTo(greedy.get("text").asString());
    }

    @Test
    @Order(3)
    void anExportedVersionIsAHuggingFaceFolderThatImportsBackAndAnswersTheSame() throws IOException {
        Path exported = dataDir.resolve("imports/exported");

        ok("versions", "export", "v001", exported.toString());

        try (Stream<Path> files = Files.list(exported)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "config.json",
                            "generation_config.json",
                            "model.safetensors",
                            "tokenizer.json",
                            "tokenizer_config.json");
        }
        assertThat(Files.mismatch(
                        exported.resolve("model.safetensors"), dataDir.resolve("imports/qwen3-tiny/model.safetensors")))
                .isEqualTo(-1);

        JsonNode again = json("versions", "import", exported.toString());
        assertThat(again.get("version").asString()).isEqualTo("v002");
        deploy("v002");
        List<ChatCompletionTokenLogprob> second = askGreedily();

        assertThat(second).hasSize(firstAnswer.size());
        for (int i = 0; i < second.size(); i++) {
            assertThat(second.get(i).token()).isEqualTo(firstAnswer.get(i).token());
            assertThat(second.get(i).logprob()).isEqualTo(firstAnswer.get(i).logprob());
        }
    }

    private static void deploy(String version) {
        ok("deploy", version, "--reason", "the Hugging Face fixture");
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(json("decisions")
                                .valueStream()
                                .filter(d -> d.get("kind").asString().equals("DEPLOY"))
                                .filter(d -> d.toString().contains(version)))
                        .isNotEmpty());
    }

    private static List<ChatCompletionTokenLogprob> askGreedily() {
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(fleet.baseUrl("inference-service") + "/v1")
                .apiKey(apiKey)
                .maxRetries(0)
                .build();
        ChatCompletionCreateParams.Builder request = ChatCompletionCreateParams.builder()
                .model("fleet")
                .temperature(0.0)
                .maxCompletionTokens(
                        EXPECTED.get("greedy").get("max_new_tokens").asLong())
                .logprobs(true)
                .topLogprobs(3)
                .putAdditionalBodyProperty("chat_template_kwargs", JsonValue.from(Map.of("enable_thinking", false)));
        for (JsonNode message : EXPECTED.get("chat")) {
            if (message.get("role").asString().equals("system")) {
                request.addSystemMessage(message.get("content").asString());
            } else {
                request.addUserMessage(message.get("content").asString());
            }
        }
        ChatCompletion completion = client.chat().completions().create(request.build());
        assertThat(completion.usage().orElseThrow().promptTokens())
                .isEqualTo(EXPECTED.get("prompt_ids").size());
        return completion
                .choices()
                .getFirst()
                .logprobs()
                .orElseThrow()
                .content()
                .orElseThrow();
    }

    private static String token(Set<String> scopes) {
        ClientCredentials client = fleet.context("security-gateway")
                .getBean(ClientService.class)
                .create(new CreateClientRequest("hf-e2e-op-" + UUID.randomUUID(), scopes));
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
