package dev.llmfleet.model.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmfleet.model.hf.GenerationConfig;
import dev.llmfleet.model.hf.HfFixtures;
import dev.llmfleet.model.hf.HfModelFolder;
import dev.llmfleet.model.hf.TokenizerConfig;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Qwen3's own chat format: stop tokens, the tokens training learns, and the template's own refusals. */
class HfChatFormatTest {

    private static FleetTokenizer tokenizer;
    private static TokenizerConfig qwen3;

    @BeforeAll
    static void openTheTokenizer() throws Exception {
        tokenizer = FleetTokenizer.load(HfFixtures.tokenizerDirectory().resolve(HfModelFolder.TOKENIZER));
        qwen3 = TokenizerConfig.parse(
                Files.readString(HfFixtures.tokenizerDirectory().resolve(TokenizerConfig.FILE_NAME)));
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void stopsAtTheGenerationConfigsEosIdsAndTheTokenizersEosToken() {
        HfChatFormat format =
                HfChatFormat.of(tokenizer, qwen3, GenerationConfig.parse("{\"eos_token_id\": [151645, 151643]}"));
        HfChatFormat tokenizerOnly = HfChatFormat.of(tokenizer, qwen3, GenerationConfig.none());

        assertThat(format.stopTokens()).containsExactly(151645, 151643);
        assertThat(tokenizerOnly.stopTokens()).containsExactly(tokenizer.idOf("<|im_end|>"));
    }

    @Test
    void learnsTheAssistantTurnAsTheTemplateRendersIt() {
        HfChatFormat format = HfChatFormat.of(tokenizer, qwen3, GenerationConfig.none());
        List<ChatMessage> chat = List.of(
                ChatMessage.system("Answer with a number."),
                ChatMessage.user("What is 2+2?"),
                ChatMessage.assistant("4"));

        TokenSequence sequence = format.conversation(chat);

        int[] learned = learned(sequence);
        assertThat(tokenizer.decode(learned)).isEqualTo("<think>\n\n</think>\n\n4\n");
        assertThat(learned).contains(tokenizer.idOf("<|im_end|>"));
        int[] prompt = Arrays.copyOf(sequence.ids(), sequence.length() - learned.length);
        assertThat(prompt).containsExactly(format.prompt(chat.subList(0, 2), Map.of()));
    }

    @Test
    void aTemplatesOwnRefusalIsAChatTemplateErrorWithItsMessage() {
        TokenizerConfig strict = TokenizerConfig.parse(
                "{\"chat_template\": \"{% if messages[0].role != 'user' %}{{ raise_exception('Conversations must"
                        + " start with a user message') }}{% endif %}{{ messages[0].content }}\"}");
        HfChatFormat format = HfChatFormat.of(tokenizer, strict, GenerationConfig.none());

        assertThatThrownBy(() -> format.prompt(List.of(ChatMessage.assistant("hi"))))
                .isInstanceOf(ChatTemplateException.class)
                .hasMessageContaining("Conversations must start with a user message");
        assertThat(format.prompt(List.of(ChatMessage.user("hi")))).containsExactly(tokenizer.encode("hi"));
    }

    @Test
    void aModelWithoutATemplateTakesTextButNoConversation() {
        HfChatFormat format = HfChatFormat.of(tokenizer, TokenizerConfig.empty(), GenerationConfig.none());

        assertThat(format.hasTemplate()).isFalse();
        assertThat(format.text("The quick brown fox")).containsExactly(tokenizer.encode("The quick brown fox"));
        assertThatThrownBy(() -> format.prompt(List.of(ChatMessage.user("hi"))))
                .isInstanceOf(ChatTemplateException.class)
                .hasMessageContaining("no chat template");
    }

    @Test
    void aTemplateThatDoesNotCompileIsRefusedWhenTheModelIsOpened() {
        TokenizerConfig broken = TokenizerConfig.parse("{\"chat_template\": \"{% for m in messages %}{{ m }\"}");

        assertThatThrownBy(() -> HfChatFormat.of(tokenizer, broken, GenerationConfig.none()))
                .isInstanceOf(ChatTemplateException.class)
                .hasMessageContaining("does not compile");
    }

    private static int[] learned(TokenSequence sequence) {
        return java.util.stream.IntStream.range(0, sequence.length())
                .filter(i -> sequence.learned()[i])
                .map(i -> sequence.ids()[i])
                .toArray();
    }
}
