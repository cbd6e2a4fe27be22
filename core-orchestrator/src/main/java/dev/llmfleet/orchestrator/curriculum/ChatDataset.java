package dev.llmfleet.orchestrator.curriculum;

import dev.llmfleet.api.orchestrator.SkillExample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes skill examples as {@code chat_sft_v1} JSON Lines tagged with the skill ({@code "skill":
 * "arithmetic"}, so the trainer checks them against the skill's spec and knows what they teach):
 * the skill's system prompt when it has one, the user's question, the assistant's answer.
 */
public final class ChatDataset {

    private static final JsonMapper json = JsonMapper.builder().build();

    private ChatDataset() {}

    public static String toJsonLines(Skill skill, List<SkillExample> examples) {
        StringBuilder out = new StringBuilder();
        for (SkillExample example : examples) {
            List<Map<String, String>> messages = new ArrayList<>();
            if (!skill.systemPrompt().isBlank()) {
                messages.add(Map.of("role", "system", "content", skill.systemPrompt()));
            }
            messages.add(Map.of("role", "user", "content", example.prompt()));
            messages.add(Map.of("role", "assistant", "content", example.answer()));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("skill", skill.name());
            line.put("messages", messages);
            out.append(json.writeValueAsString(line)).append('\n');
        }
        return out.toString();
    }
}
