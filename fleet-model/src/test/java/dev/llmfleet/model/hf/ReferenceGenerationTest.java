package dev.llmfleet.model.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.chat.ChatMessage;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.CheckpointWriter;
import dev.llmfleet.model.generate.Generation;
import dev.llmfleet.model.generate.GenerationParams;
import dev.llmfleet.model.generate.TokenLogprob;
import dev.llmfleet.model.runtime.LanguageModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/** A fixture opened as the fleet opens versions: its tokenizer, chat template and greedy answer against transformers. */
class ReferenceGenerationTest {

    static final List<String> VARIANTS = HfFixtures.ALL;

    @TempDir
    Path directory;

    @ParameterizedTest
    @FieldSource("VARIANTS")
    void tokenizesLikeTransformers(String variant) throws Exception {
        JsonNode expected = HfFixtures.expected(variant);
        try (NDManager manager = NDManager.newBaseManager();
                LanguageModel model = open(variant, manager)) {
            assertThat(model.tokenizer().encode(expected.get("prompt_text").asString()))
                    .containsExactly(ints(expected.get("prompt_ids")));
            assertThat(model.tokenizer().encode(expected.get("plain_text").asString()))
                    .containsExactly(ints(expected.get("plain_ids")));
        }
    }

    @ParameterizedTest
    @FieldSource("VARIANTS")
    void rendersTheChatTemplateLikeTransformers(String variant) throws Exception {
        JsonNode expected = HfFixtures.expected(variant);
        List<ChatMessage> chat = new ArrayList<>();
        for (JsonNode message : expected.get("chat")) {
            chat.add(new ChatMessage(
                    message.get("role").asString(), message.get("content").asString()));
        }
        try (NDManager manager = NDManager.newBaseManager();
                LanguageModel model = open(variant, manager)) {
            assertThat(model.chat().prompt(chat, Map.of("enable_thinking", false)))
                    .containsExactly(ints(expected.get("prompt_ids")));
        }
    }

    @ParameterizedTest
    @FieldSource("VARIANTS")
    void answersGreedilyWithTheLogprobsTransformersGives(String variant) throws Exception {
        JsonNode greedy = HfFixtures.expected(variant).get("greedy");
        try (NDManager manager = NDManager.newBaseManager();
                LanguageModel model = open(variant, manager)) {
            GenerationParams params =
                    new GenerationParams(greedy.get("max_new_tokens").asInt(), 0, 1, 0, List.of(), 0, 5);
            Generation generation =
                    model.generator().generate(ints(HfFixtures.expected(variant).get("prompt_ids")), params);

            assertThat(generation.tokens()).containsExactly(ints(greedy.get("ids")));
            assertThat(generation.text()).isEqualTo(greedy.get("text").asString());
            assertThat(generation.finishReason()).isEqualTo(Generation.FinishReason.LENGTH);
            for (int i = 0; i < generation.logprobs().size(); i++) {
                TokenLogprob step = generation.logprobs().get(i);
                JsonNode want = greedy.get("steps").get(i);
                assertThat(step.chosen().logprob())
                        .isCloseTo(want.get("logprob").asDouble(), within(1e-4));
                for (int k = 0; k < step.top().size(); k++) {
                    assertThat(step.top().get(k).token())
                            .isEqualTo(want.get("top_ids").get(k).asInt());
                    assertThat(step.top().get(k).logprob())
                            .isCloseTo(want.get("top_logprobs").get(k).asDouble(), within(1e-4));
                }
            }
            assertThat(model.description().family())
                    .isEqualTo(HfFixtures.config(variant).modelType());
            assertThat(model.description().contextLength())
                    .isEqualTo(HfFixtures.config(variant).maxPositionEmbeddings());
        }
    }

    private LanguageModel open(String variant, NDManager manager) throws Exception {
        Path checkpoint = CheckpointWriter.write(directory.resolve(variant), HfFixtures.entries(variant));
        return LanguageModel.open(CheckpointReader.open(checkpoint), manager);
    }

    static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
