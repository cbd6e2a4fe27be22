package dev.llmfleet.deploy.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Chat lines a tiny model can learn a little of: "What is a+b?" answered with the sum; each offset gives new content. */
final class AdditionChats {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AdditionChats() {}

    static List<String> lines(int count, int offset) {
        List<String> lines = new ArrayList<>();
        for (int i = offset; i < offset + count; i++) {
            int a = i / 10;
            int b = i % 10;
            lines.add(JSON.writeValueAsString(Map.of(
                    "messages",
                    List.of(
                            Map.of("role", "user", "content", "What is " + a + "+" + b + "?"),
                            Map.of("role", "assistant", "content", Integer.toString(a + b))))));
        }
        return lines;
    }
}
