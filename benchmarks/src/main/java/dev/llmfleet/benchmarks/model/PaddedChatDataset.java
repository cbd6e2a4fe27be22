package dev.llmfleet.benchmarks.model;

import dev.llmfleet.model.chat.ChatFormat;
import dev.llmfleet.model.chat.ChatMessage;
import dev.llmfleet.model.runtime.LanguageModel;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chat_sft_v1 file of arithmetic questions ("What is 12 plus 7?" / "19"), each given a system turn
 * of filler words that makes the conversation as long as it can be without passing {@code tokens}
 * in the model's own chat format: sequences of a known length, with the answer never cut off.
 */
final class PaddedChatDataset {

    private static final String[] FILLER = ("You are a careful assistant for small sums. Read the question, add the"
                    + " two numbers and answer with the number alone, without any other words.")
            .split(" ");

    private PaddedChatDataset() {}

    /** Writes {@code examples} lines to {@code file}; answers the token lengths they have in {@code model}'s format. */
    static IntSummaryStatistics write(Path file, Path model, int examples, int tokens, long seed) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        IntSummaryStatistics lengths = new IntSummaryStatistics();
        try (FleetTokenizer tokenizer = FleetTokenizer.load(model.resolve(FleetTokenizer.FILE_NAME))) {
            ChatFormat format = LanguageModel.chatFormat(model, tokenizer);
            int words = 0;
            for (int i = 0; i < examples; i++) {
                int a = random.nextInt(1, 100);
                int b = random.nextInt(1, 100);
                List<ChatMessage> turns = List.of(
                        ChatMessage.user("What is %d plus %d?".formatted(a, b)), ChatMessage.assistant("" + (a + b)));
                // Neighbouring examples differ by a token or two, so the previous count is a close start.
                while (words > 0 && length(format, turns, words) > tokens) {
                    words--;
                }
                while (words < 4 * tokens && length(format, turns, words + 1) <= tokens) {
                    words++;
                }
                List<ChatMessage> padded = withFiller(turns, words);
                lengths.accept(format.conversation(padded).length());
                lines.add(json.writeValueAsString(new Line(padded)));
            }
        }
        Files.write(file, lines);
        return lengths;
    }

    private static int length(ChatFormat format, List<ChatMessage> turns, int words) {
        return format.conversation(withFiller(turns, words)).length();
    }

    private static List<ChatMessage> withFiller(List<ChatMessage> turns, int words) {
        if (words == 0) {
            return turns;
        }
        StringBuilder system = new StringBuilder();
        for (int w = 0; w < words; w++) {
            system.append(w == 0 ? "" : " ").append(FILLER[w % FILLER.length]);
        }
        List<ChatMessage> padded = new ArrayList<>();
        padded.add(ChatMessage.system(system.toString()));
        padded.addAll(turns);
        return padded;
    }

    /** One line of chat_sft_v1. */
    record Line(List<ChatMessage> messages) {}
}
