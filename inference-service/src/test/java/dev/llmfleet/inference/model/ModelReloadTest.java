package dev.llmfleet.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.inference.TestModels;
import dev.llmfleet.model.checkpoint.ModelFiles;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service that starts with no model, gets one, and swaps versions under a steady stream of requests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelReloadTest {

    static final Path MODELS;
    static final Path V1;
    static final Path V2;
    static final String PROMPT = "{\"model\":\"fleet\",\"temperature\":0,\"max_tokens\":30,\"seed\":5,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]";

    static {
        try {
            MODELS = Files.createTempDirectory("inference-reload-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        V1 = TestModels.checkpoint(MODELS, "v1", 1);
        V2 = TestModels.checkpoint(MODELS, "v2", 2);
    }

    @DynamicPropertySource
    static void noModelAtStart(DynamicPropertyRegistry registry) {
        registry.add(
                "fleet.inference.versions-dir",
                () -> MODELS.resolve("downloads").toString());
        registry.add("fleet.registry.enabled", () -> "false");
        registry.add("fleet.security.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    record Reply(int status, JsonNode body) {}

    record Outcome(long startedNanos, int status, String version, String text, String finishReason) {}

    Reply send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body().isEmpty() ? null : json.readTree(response.body()));
    }

    Reply reload(Path path) throws Exception {
        return send("POST", "/models/reload", json.writeValueAsString(Map.of("path", path.toString())));
    }

    @Test
    @Order(1)
    void refusesGenerationsAndIsNotReadyUntilAModelIsLoaded() throws Exception {
        assertThat(send("GET", "/health", null).status()).isEqualTo(200);
        assertThat(send("GET", "/ready", null).status()).isEqualTo(503);
        Reply refused = send("POST", "/v1/chat/completions", PROMPT + "}");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body().get("error").get("code").asString()).isEqualTo("model_not_loaded");
        assertThat(send("GET", "/models/info", null).status()).isEqualTo(503);

        Reply loaded = reload(V1);

        assertThat(loaded.status()).isEqualTo(200);
        assertThat(loaded.body().get("current").get("version").asString()).isEqualTo("v1");
        Reply info = send("GET", "/models/info", null);
        assertThat(info.body().get("name").asString()).isEqualTo("fleet");
        assertThat(info.body().get("checksum").asString()).hasSize(64);
        assertThat(info.body().get("parameters").asLong()).isPositive();
        assertThat(info.body().get("memoryBytes").asLong()).isPositive();
        assertThat(info.body().get("device").asString()).isNotBlank();
        assertThat(send("GET", "/ready", null).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void reloadUnderSteadyLoadDropsNothingCutsNothingShortAndSwitchesToTheNewVersion() throws Exception {
        assertThat(reload(V1).status()).isEqualTo(200);
        Outcome onV1 = complete(false);
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong swappedAt = new AtomicLong(Long.MAX_VALUE);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            boolean streaming = c % 2 == 1;
            clients.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    try {
                        outcomes.add(complete(streaming));
                    } catch (Exception e) {
                        outcomes.add(new Outcome(System.nanoTime(), -1, null, e.toString(), null));
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> outcomes.size() >= 8);

        Reply swapped = reload(V2);
        swappedAt.set(System.nanoTime());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> outcomes.stream()
                                .filter(o -> o.startedNanos() > swappedAt.get())
                                .count()
                        >= 8);
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
        Outcome onV2 = complete(false);

        assertThat(swapped.status()).isEqualTo(200);
        assertThat(swapped.body().get("previous").get("version").asString()).isEqualTo("v1");
        assertThat(onV1.text()).isNotEqualTo(onV2.text());
        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.status()).as("status of %s", o).isEqualTo(200);
            assertThat(o.finishReason()).isIn("stop", "length");
            assertThat(o.text()).isEqualTo(o.version().equals("v1") ? onV1.text() : onV2.text());
        });
        assertThat(outcomes)
                .filteredOn(o -> o.startedNanos() > swappedAt.get())
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.version()).isEqualTo("v2"));
        assertThat(outcomes).extracting(Outcome::version).contains("v1", "v2");
    }

    @Test
    @Order(3)
    void aFailedLoadLeavesTheCurrentModelServing() throws Exception {
        String before = send("GET", "/models/info", null).body().get("version").asString();
        Path broken = TestModels.checkpoint(MODELS, "broken", 3);
        byte[] weights = Files.readAllBytes(broken.resolve(ModelFiles.WEIGHTS));
        weights[weights.length / 2] ^= 1;
        Files.write(broken.resolve(ModelFiles.WEIGHTS), weights);

        Reply refused = reload(broken);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("code").asString()).isEqualTo("model-load-failed");
        assertThat(send("GET", "/models/info", null).body().get("version").asString())
                .isEqualTo(before);
        assertThat(complete(false).status()).isEqualTo(200);
    }

    Outcome complete(boolean streaming) throws Exception {
        long started = System.nanoTime();
        String body = PROMPT + ",\"stream\":" + streaming + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        if (!streaming) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode reply = json.readTree(response.body());
            if (response.statusCode() != 200) {
                return new Outcome(started, response.statusCode(), null, response.body(), null);
            }
            JsonNode choice = reply.get("choices").get(0);
            return new Outcome(
                    started,
                    200,
                    reply.get("system_fingerprint").asString(),
                    choice.get("message").get("content").asString(),
                    choice.get("finish_reason").asString());
        }
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        StringBuilder text = new StringBuilder();
        String version = null;
        String finish = null;
        boolean done = false;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.equals("data: [DONE]")) {
                    done = true;
                } else if (line.startsWith("data: ")) {
                    JsonNode chunk = json.readTree(line.substring(6));
                    version = chunk.get("system_fingerprint").asString();
                    JsonNode choice = chunk.get("choices").get(0);
                    JsonNode content = choice.get("delta").get("content");
                    if (content != null && !content.isNull()) {
                        text.append(content.asString());
                    }
                    if (!choice.get("finish_reason").isNull()) {
                        finish = choice.get("finish_reason").asString();
                    }
                }
            }
        }
        return new Outcome(started, done ? response.statusCode() : -2, version, text.toString(), finish);
    }
}
