package dev.llmfleet.inference.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.inference.ServedModelContext;
import dev.llmfleet.inference.engine.InferenceEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every kind of bad input gets a 4xx in OpenAI's error envelope, never a 500. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fleet.security.enabled=false") // not about security: API keys are the gateway's tests
class BadInputTest {

    @DynamicPropertySource
    static void servedModel(DynamicPropertyRegistry registry) {
        ServedModelContext.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    InferenceEngine engine;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void modelLoaded() {
        await().atMost(Duration.ofSeconds(60)).until(() -> engine.currentModel().isPresent());
    }

    record Answer(int status, JsonNode error) {}

    Answer post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode error = json.readTree(response.body()).get("error");
        assertThat(error).as("OpenAI error envelope in %s", response.body()).isNotNull();
        assertThat(error.has("message") && error.has("type") && error.has("param") && error.has("code"))
                .isTrue();
        return new Answer(response.statusCode(), error);
    }

    static String chat(String fields) {
        return "{\"model\":\"fleet\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]" + fields + "}";
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        Answer answer = post("/v1/chat/completions", "{\"model\":\"fleet\",\"messages\":[");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error().get("type").asString()).isEqualTo("invalid_request_error");
        assertThat(answer.error().get("code").asString()).isEqualTo("invalid_json");
    }

    @Test
    void aFieldOfTheWrongTypeIsABadRequestNamingTheField() throws Exception {
        Answer maxTokens = post("/v1/chat/completions", chat(",\"max_tokens\":\"lots\""));
        Answer temperature = post("/v1/chat/completions", chat(",\"temperature\":{\"warm\":true}"));

        assertThat(maxTokens.status()).isEqualTo(400);
        assertThat(maxTokens.error().get("param").asString()).isEqualTo("max_tokens");
        assertThat(temperature.status()).isEqualTo(400);
        assertThat(temperature.error().get("param").asString()).isEqualTo("temperature");
    }

    @Test
    void emptyOrMissingMessagesAreABadRequest() throws Exception {
        Answer empty = post("/v1/chat/completions", "{\"model\":\"fleet\",\"messages\":[]}");
        Answer missing = post("/v1/chat/completions", "{\"model\":\"fleet\"}");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.error().get("param").asString()).isEqualTo("messages");
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void maxTokensOutOfRangeIsABadRequest() throws Exception {
        Answer zero = post("/v1/chat/completions", chat(",\"max_tokens\":0"));
        Answer huge = post("/v1/chat/completions", chat(",\"max_completion_tokens\":10000000"));
        Answer completion = post("/v1/completions", "{\"model\":\"fleet\",\"prompt\":\"a\",\"max_tokens\":-5}");

        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.error().get("param").asString()).isEqualTo("max_tokens");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.error().get("param").asString()).isEqualTo("max_completion_tokens");
        assertThat(completion.status()).isEqualTo(400);
    }

    @Test
    void anUnknownModelIsNotFound() throws Exception {
        Answer answer = post(
                "/v1/chat/completions", "{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.error().get("code").asString()).isEqualTo("model_not_found");
    }

    @Test
    void aPromptLongerThanTheContextIsABadRequest() throws Exception {
        String longPrompt = "x".repeat(1000);
        Answer chat = post(
                "/v1/chat/completions",
                "{\"model\":\"fleet\",\"messages\":[{\"role\":\"user\",\"content\":\"" + longPrompt + "\"}]}");
        Answer completion = post("/v1/completions", "{\"model\":\"fleet\",\"prompt\":\"" + longPrompt + "\"}");

        assertThat(chat.status()).isEqualTo(400);
        assertThat(chat.error().get("code").asString()).isEqualTo("context_length_exceeded");
        assertThat(completion.status()).isEqualTo(400);
        assertThat(completion.error().get("code").asString()).isEqualTo("context_length_exceeded");
    }

    @Test
    void unsupportedValuesAreABadRequest() throws Exception {
        assertThat(post("/v1/chat/completions", chat(",\"n\":3")).status()).isEqualTo(400);
        assertThat(post("/v1/chat/completions", chat(",\"temperature\":7")).status())
                .isEqualTo(400);
        assertThat(post("/v1/chat/completions", chat(",\"stop\":[1,2]")).status())
                .isEqualTo(400);
        assertThat(post(
                                "/v1/chat/completions",
                                "{\"model\":\"fleet\",\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}]}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void logprobSettingsOutOfRangeAreABadRequestNamingTheField() throws Exception {
        Answer withoutLogprobs = post("/v1/chat/completions", chat(",\"top_logprobs\":3"));
        Answer tooMany = post("/v1/chat/completions", chat(",\"logprobs\":true,\"top_logprobs\":21"));
        Answer completion = post("/v1/completions", "{\"model\":\"fleet\",\"prompt\":\"a\",\"logprobs\":6}");
        Answer echo = post("/v1/completions", "{\"model\":\"fleet\",\"prompt\":\"a\",\"echo\":true}");
        Answer topK = post("/v1/chat/completions", chat(",\"top_k\":-7"));
        Answer kwargs = post("/v1/chat/completions", chat(",\"chat_template_kwargs\":[1,2]"));

        assertThat(withoutLogprobs.status()).isEqualTo(400);
        assertThat(withoutLogprobs.error().get("param").asString()).isEqualTo("top_logprobs");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.error().get("param").asString()).isEqualTo("top_logprobs");
        assertThat(completion.status()).isEqualTo(400);
        assertThat(completion.error().get("param").asString()).isEqualTo("logprobs");
        assertThat(echo.status()).isEqualTo(400);
        assertThat(echo.error().get("param").asString()).isEqualTo("echo");
        assertThat(topK.status()).isEqualTo(400);
        assertThat(topK.error().get("param").asString()).isEqualTo("top_k");
        assertThat(kwargs.status()).isEqualTo(400);
        assertThat(kwargs.error().get("param").asString()).isEqualTo("chat_template_kwargs");
    }
}
