package dev.llmfleet.inference.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionTokenLogprob;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import dev.llmfleet.api.inference.ModelInfo;
import dev.llmfleet.inference.engine.InferenceEngine;
import dev.llmfleet.model.checkpoint.CheckpointWriter;
import dev.llmfleet.model.hf.HfFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The tiny Qwen3 fixture served through the OpenAI Java SDK: its own chat template and tokenizer,
 * and the greedy answer and logprobs that transformers computes for the same weights.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"fleet.security.enabled=false", "fleet.registry.enabled=false"})
class Qwen3ServingTest {

    private static final JsonNode EXPECTED = HfFixtures.expected(HfFixtures.QWEN3);

    @DynamicPropertySource
    static void servedModel(DynamicPropertyRegistry registry) {
        try {
            Path models = Files.createTempDirectory("inference-qwen3-");
            Path version = CheckpointWriter.write(models.resolve("qwen3-tiny"), HfFixtures.entries(HfFixtures.QWEN3));
            registry.add("fleet.inference.model-dir", version::toString);
            registry.add(
                    "fleet.inference.versions-dir",
                    () -> models.resolve("downloads").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private ChatCompletionCreateParams.Builder chat() {
        ChatCompletionCreateParams.Builder builder =
                ChatCompletionCreateParams.builder().model("fleet").temperature(0.0);
        for (JsonNode message : EXPECTED.get("chat")) {
            String content = message.get("content").asString();
            switch (message.get("role").asString()) {
                case "system" -> builder.addSystemMessage(content);
                default -> builder.addUserMessage(content);
            }
        }
        return builder;
    }

    @Test
    void answersGreedilyWithTransformersTokensAndLogprobs() {
        JsonNode greedy = EXPECTED.get("greedy");
        ChatCompletion completion = client.chat()
                .completions()
                .create(chat().maxCompletionTokens(greedy.get("max_new_tokens").asLong())
                        .logprobs(true)
                        .topLogprobs(5)
                        .putAdditionalBodyProperty(
                                "chat_template_kwargs", JsonValue.from(Map.of("enable_thinking", false)))
                        .build());

        ChatCompletion.Choice choice = completion.choices().getFirst();
        assertThat(choice.message().content()).contains(greedy.get("text").asString());
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.LENGTH);
        assertThat(completion.usage().orElseThrow().promptTokens())
                .isEqualTo(EXPECTED.get("prompt_ids").size());
        List<ChatCompletionTokenLogprob> content =
                choice.logprobs().orElseThrow().content().orElseThrow();
        assertThat(content).hasSize(greedy.get("steps").size());
        for (int i = 0; i < content.size(); i++) {
            JsonNode step = greedy.get("steps").get(i);
            assertThat(content.get(i).logprob()).isCloseTo(step.get("logprob").asDouble(), within(1e-4));
            assertThat(content.get(i).topLogprobs()).hasSize(5);
            assertThat(content.get(i).topLogprobs().getFirst().logprob())
                    .isCloseTo(step.get("top_logprobs").get(0).asDouble(), within(1e-4));
        }
    }

    @Test
    void streamsTheSameTokensWithTheirLogprobs() {
        JsonNode greedy = EXPECTED.get("greedy");
        StringBuilder text = new StringBuilder();
        List<ChatCompletionTokenLogprob> logprobs = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat()
                .completions()
                .createStreaming(
                        chat().maxCompletionTokens(greedy.get("max_new_tokens").asLong())
                                .logprobs(true)
                                .topLogprobs(2)
                                .putAdditionalBodyProperty(
                                        "chat_template_kwargs", JsonValue.from(Map.of("enable_thinking", false)))
                                .build())) {
            stream.stream()
                    .forEach(chunk -> chunk.choices().forEach(choice -> {
                        choice.delta().content().ifPresent(text::append);
                        choice.logprobs()
                                .flatMap(ChatCompletionChunk.Choice.Logprobs::content)
                                .ifPresent(logprobs::addAll);
                    }));
        }

        assertThat(text.toString()).isEqualTo(greedy.get("text").asString());
        assertThat(logprobs).hasSize(greedy.get("steps").size());
        for (int i = 0; i < logprobs.size(); i++) {
            assertThat(logprobs.get(i).logprob())
                    .isCloseTo(greedy.get("steps").get(i).get("logprob").asDouble(), within(1e-4));
            assertThat(logprobs.get(i).topLogprobs()).hasSize(2);
        }
    }

    @Test
    void rendersTheModelsOwnTemplateWithItsOptions() {
        ChatCompletion thinking =
                client.chat().completions().create(chat().maxCompletionTokens(1).build());
        ChatCompletion direct = client.chat()
                .completions()
                .create(chat().maxCompletionTokens(1)
                        .putAdditionalBodyProperty(
                                "chat_template_kwargs", JsonValue.from(Map.of("enable_thinking", false)))
                        .build());

        // enable_thinking=false closes an empty <think></think> block in the prompt: four more tokens.
        long promptTokens = EXPECTED.get("prompt_ids").size();
        assertThat(direct.usage().orElseThrow().promptTokens()).isEqualTo(promptTokens);
        assertThat(thinking.usage().orElseThrow().promptTokens()).isEqualTo(promptTokens - 4);
    }

    @Test
    void completesTextWithLogprobsInTheCompletionsFormat() {
        Completion completion = client.completions()
                .create(CompletionCreateParams.builder()
                        .model("fleet")
                        .prompt(EXPECTED.get("plain_text").asString())
                        .temperature(0.0)
                        .maxTokens(3)
                        .logprobs(2)
                        .build());

        var logprobs = completion.choices().getFirst().logprobs().orElseThrow();
        assertThat(logprobs.tokens().orElseThrow()).hasSize(3);
        assertThat(logprobs.tokenLogprobs().orElseThrow())
                .allSatisfy(p -> assertThat(p).isNegative());
        assertThat(logprobs.topLogprobs().orElseThrow())
                .allSatisfy(top -> assertThat(top._additionalProperties()).hasSize(2));
        assertThat(completion.usage().orElseThrow().promptTokens())
                .isEqualTo(EXPECTED.get("plain_ids").size());
    }

    @Test
    void modelInfoShowsFamilyParametersDtypeAndContext() {
        ModelInfo info = RestClient.create("http://localhost:" + port)
                .get()
                .uri("/models/info")
                .retrieve()
                .body(ModelInfo.class);

        assertThat(info.family()).isEqualTo("qwen3");
        assertThat(info.dtype()).isEqualTo("bfloat16");
        assertThat(info.parameters()).isEqualTo(9_847_232L);
        // The model's own context is 40960; the host serves at most its configured 8192.
        assertThat(info.contextLength()).isEqualTo(8192);
        assertThat(info.vocabSize()).isEqualTo(151_936);
    }
}
