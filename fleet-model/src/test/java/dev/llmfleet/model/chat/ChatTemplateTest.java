package dev.llmfleet.model.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatTemplateTest {

    @TempDir
    Path directory;

    @Test
    void learnsOnlyAssistantContentAndItsEndToken() {
        try (FleetTokenizer tokenizer = FleetTokenizer.shipped(directory)) {
            TokenSequence sequence = new ChatTemplate(tokenizer)
                    .conversation(List.of(
                            ChatMessage.system("Be brief."), ChatMessage.user("1+1?"), ChatMessage.assistant("2")));

            assertThat(tokenizer.decode(sequence.ids())).isEqualTo("Be brief.1+1?2");
            assertThat(sequence.learnedCount()).isEqualTo(2);
            int last = sequence.length() - 1;
            assertThat(sequence.learned()[last]).isTrue();
            assertThat(sequence.learned()[last - 1]).isTrue();
            assertThat(sequence.ids()[last - 1]).isEqualTo('2');
        }
    }

    @Test
    void promptEndsWithTheAssistantTokenSoGenerationAnswers() {
        try (FleetTokenizer tokenizer = FleetTokenizer.shipped(directory)) {
            int[] prompt = new ChatTemplate(tokenizer).prompt(List.of(ChatMessage.user("hi")));

            assertThat(prompt[prompt.length - 1]).isEqualTo(tokenizer.idOf("<|assistant|>"));
            assertThat(prompt[0]).isEqualTo(tokenizer.idOf("<|bos|>"));
        }
    }
}
