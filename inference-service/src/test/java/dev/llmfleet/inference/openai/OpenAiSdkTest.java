package dev.llmfleet.inference.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.models.Model;
import dev.llmfleet.inference.ServedModelContext;
import dev.llmfleet.inference.engine.InferenceEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The official OpenAI Java SDK as a real client against the running service. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fleet.security.enabled=false") // not about security: API keys are the gateway's tests
class OpenAiSdkTest {

    @DynamicPropertySource
    static void servedModel(DynamicPropertyRegistry registry) {
        ServedModelContext.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    InferenceEngine engine;

    OpenAIClient client;

    @BeforeEach
    void connect() {
        client = LocalOpenAi.connect(port, engine);
    }

    static ChatCompletionCreateParams greeting(long seed) {
        return ChatCompletionCreateParams.builder()
                .model("fleet")
                .addSystemMessage("You are terse.")
                .addUserMessage("hello there")
                .temperature(0.0)
                .maxCompletionTokens(24)
                .seed(seed)
                .build();
    }

    @Test
    void listsTheServedModel() {
        assertThat(client.models().list().data()).extracting(Model::id).containsExactly("fleet");
        assertThat(client.models().retrieve("fleet").ownedBy()).isEqualTo("llm-fleet");
    }

    @Test
    void answersAChatCompletionWithUsage() {
        ChatCompletion completion = client.chat().completions().create(greeting(7));

        assertThat(completion.model()).isEqualTo("fleet");
        assertThat(completion.systemFingerprint()).contains("v1");
        assertThat(completion.choices()).hasSize(1);
        ChatCompletion.Choice choice = completion.choices().getFirst();
        assertThat(choice.message().content()).isPresent().get().asString().isNotEmpty();
        assertThat(choice.finishReason().asString()).isIn("stop", "length");
        assertThat(completion.usage()).hasValueSatisfying(usage -> {
            assertThat(usage.promptTokens()).isPositive();
            assertThat(usage.completionTokens()).isBetween(1L, 24L);
            assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        });
    }

    @Test
    void streamedChatCompletionGivesTheSameTextAsTheWholeOneForTheSameSeedAtTemperatureZero() {
        String whole = client.chat()
                .completions()
                .create(greeting(11))
                .choices()
                .getFirst()
                .message()
                .content()
                .orElseThrow();

        StringBuilder streamed = new StringBuilder();
        String finishReason;
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(greeting(11))) {
            finishReason = stream.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .peek(choice -> choice.delta().content().ifPresent(streamed::append))
                    .flatMap(choice -> choice.finishReason().stream())
                    .map(reason -> reason.asString())
                    .reduce((first, second) -> second)
                    .orElseThrow();
        }

        assertThat(whole).isNotEmpty();
        assertThat(streamed.toString()).isEqualTo(whole);
        assertThat(finishReason).isIn("stop", "length");
    }

    @Test
    void streamedTextCompletionGivesTheSameTextAsTheWholeOne() {
        CompletionCreateParams params = CompletionCreateParams.builder()
                .model("fleet")
                .prompt("Once upon a time")
                .maxTokens(20)
                .temperature(0.0)
                .seed(3)
                .build();
        Completion whole = client.completions().create(params);

        StringBuilder streamed = new StringBuilder();
        try (StreamResponse<Completion> stream = client.completions().createStreaming(params)) {
            stream.stream().flatMap(c -> c.choices().stream()).forEach(choice -> streamed.append(choice.text()));
        }

        assertThat(whole.choices().getFirst().text()).isNotEmpty();
        assertThat(streamed.toString()).isEqualTo(whole.choices().getFirst().text());
    }

    @Test
    void reportsAnUnknownModelAsNotFoundInOpenAisEnvelope() {
        ChatCompletionCreateParams params =
                greeting(1).toBuilder().model("gpt-unknown").build();

        assertThatThrownBy(() -> client.chat().completions().create(params))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.code()).contains("model_not_found");
                    assertThat(e.param()).contains("model");
                    assertThat(e.type()).contains("invalid_request_error");
                });
    }
}
