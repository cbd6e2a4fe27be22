package dev.llmfleet.deploy.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Chat lines a tiny model can learn a little of: "What is a+b?" answered with the sum. */
public final class AdditionChats {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AdditionChats() {}

    /** {@code count} lines, the first asking {@code offset / 10 + offset % 10}. */
    public static List<String> lines(int count, int offset) {
        List<String> lines = new ArrayList<>();
        for (int i = offset; i < offset + count; i++) {
            lines.add(line(i / 10, i % 10));
        }
        return lines;
    }

    /** {@code count} sums of two digits (the curriculum's first level), from the {@code offset}-th of the hundred on. */
    static List<String> singleDigit(int count, int offset) {
        List<String> lines = new ArrayList<>();
        for (int i = offset; i < offset + count; i++) {
            lines.add(line(i % 100 / 10, i % 10));
        }
        return lines;
    }

    private static String line(int a, int b) {
        return JSON.writeValueAsString(Map.of(
                "messages",
                List.of(
                        Map.of("role", "user", "content", "What is " + a + "+" + b + "?"),
                        Map.of("role", "assistant", "content", Integer.toString(a + b)))));
    }
}
