package dev.llmfleet.trainer.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;

/** Object Mother for single-digit addition chats: "What is 3+4?" answered "7". */
final class ArithmeticChatData {

    private static final List<String> PHRASINGS =
            List.of("What is %d+%d?", "What is %d plus %d?", "%d+%d=?", "Add %d and %d.");

    record Question(int a, int b, String phrasing) {
        String text() {
            return phrasing.formatted(a, b);
        }

        String answer() {
            return Integer.toString(a + b);
        }
    }

    /**
     * Every pair in every phrasing, split once by {@code seed}: a held-out question never appears in
     * the training file, though its sum usually does in another wording.
     */
    record Split(List<Question> training, List<Question> heldOut) {}

    private static final JsonMapper JSON_LINE = JsonMapper.builder().build();

    private ArithmeticChatData() {}

    static Split split(int heldOut, long seed) {
        List<Question> all = new ArrayList<>();
        for (int a = 0; a < 10; a++) {
            for (int b = 0; b < 10; b++) {
                for (String phrasing : PHRASINGS) {
                    all.add(new Question(a, b, phrasing));
                }
            }
        }
        Collections.shuffle(all, new Random(seed));
        return new Split(List.copyOf(all.subList(heldOut, all.size())), List.copyOf(all.subList(0, heldOut)));
    }

    static Path writeChatJsonl(Path file, List<Question> questions) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Question q : questions) {
            Map<String, Object> line = Map.of(
                    "messages",
                    List.of(
                            Map.of("role", "user", "content", q.text()),
                            Map.of("role", "assistant", "content", q.answer())));
            lines.add(JSON_LINE.writeValueAsString(line));
        }
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
        return file;
    }
}
