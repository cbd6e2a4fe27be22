package dev.llmfleet.api.orchestrator;

/**
 * One question of a fixed validation suite, asked the way the skill's training data asks it.
 *
 * @param skill the curriculum skill, e.g. {@code arithmetic}
 * @param level the skill level the question belongs to
 * @param system the system prompt the skill trains with
 * @param prompt the user's question
 * @param answer the one right answer
 */
public record SuiteItem(String skill, int level, String system, String prompt, String answer) {}
