package dev.llmfleet.orchestrator.curriculum;

import dev.llmfleet.api.orchestrator.SkillExample;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Writes skill examples as {@code chat_sft_v1} JSON Lines: system, user, assistant. */
public final class ChatDataset {

    private static final JsonMapper json = JsonMapper.builder().build();

    private ChatDataset() {}

    public static String toJsonLines(Skill skill, List<SkillExample> examples) {
        StringBuilder out = new StringBuilder();
        for (SkillExample example : examples) {
            out.append(json.writeValueAsString(Map.of(
                            "messages",
                            List.of(
                                    Map.of("role", "system", "content", skill.systemPrompt()),
                                    Map.of("role", "user", "content", example.prompt()),
                                    Map.of("role", "assistant", "content", example.answer())))))
                    .append('\n');
        }
        return out.toString();
    }
}
