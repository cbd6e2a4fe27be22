package dev.llmfleet.trainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Object Mother for JSON Lines training files: arithmetic chats, one per line. */
public final class TrainingData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TrainingData() {}

    /** {@code "What is a+b?"} answered with the sum, for {@code count} distinct pairs from {@code offset}. */
    public static List<String> additionChats(int count, int offset) {
        List<String> lines = new ArrayList<>();
        for (int i = offset; i < offset + count; i++) {
            int a = i / 10;
            int b = i % 10;
            lines.add(chat("What is " + a + "+" + b + "?", Integer.toString(a + b)));
        }
        return lines;
    }

    public static String chat(String question, String answer) {
        return JSON.writeValueAsString(Map.of(
                "messages",
                List.of(Map.of("role", "user", "content", question), Map.of("role", "assistant", "content", answer))));
    }

    public static String chatWithRole(String role, String content, String answer) {
        return JSON.writeValueAsString(Map.of(
                "messages",
                List.of(Map.of("role", role, "content", content), Map.of("role", "assistant", "content", answer))));
    }

    public static String completion(String prompt, String completion) {
        return JSON.writeValueAsString(Map.of("prompt", prompt, "completion", completion));
    }

    public static String skillChat(String skill, String question, String answer) {
        return JSON.writeValueAsString(Map.of(
                "skill",
                skill,
                "messages",
                List.of(Map.of("role", "user", "content", question), Map.of("role", "assistant", "content", answer))));
    }

    public static Path write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, lines);
    }
}
