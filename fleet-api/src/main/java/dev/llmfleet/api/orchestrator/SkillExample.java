package dev.llmfleet.api.orchestrator;

/**
 * One question of a skill at a level, with the one right answer.
 *
 * @param prompt what the user asks, e.g. {@code What is 3+4?}
 * @param answer what the assistant must answer, e.g. {@code 7}
 */
public record SkillExample(String skill, int level, String prompt, String answer) {

    public SkillExample {
        if (prompt == null || prompt.isBlank() || answer == null || answer.isBlank()) {
            throw new IllegalArgumentException("A skill example needs a prompt and an answer");
        }
    }
}
