package dev.llmfleet.orchestrator.curriculum;

import dev.llmfleet.api.orchestrator.SkillExample;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A skill the curriculum teaches, in levels from 1 (easiest) to {@link #maxLevel()}.
 *
 * <p>Generators are pure functions of their random source: the same seed gives the same data, so
 * a validation suite made from a fixed seed is the same suite every time.
 */
public interface Skill {

    /** The skill's stable name, e.g. {@code arithmetic}; also the dataset spec it produces for. */
    String name();

    int maxLevel();

    /** A short description of what a level asks, for people reading the curriculum's state. */
    String describe(int level);

    /**
     * The system prompt the examples are trained and evaluated with; blank for none. The shipped
     * skills ask self-explanatory questions and have none, so that a user asking the served model
     * the same question without a system prompt gets what was trained (and the short questions fit
     * the tiny model's context).
     */
    String systemPrompt();

    /** One example at {@code level}. */
    SkillExample example(int level, RandomGenerator random);

    /** {@code count} distinct examples at {@code level}. */
    default List<SkillExample> examples(int level, int count, RandomGenerator random) {
        checkLevel(level);
        java.util.LinkedHashMap<String, SkillExample> distinct = new java.util.LinkedHashMap<>();
        int attempts = 0;
        while (distinct.size() < count && attempts++ < count * 50) {
            SkillExample example = example(level, random);
            distinct.putIfAbsent(example.prompt(), example);
        }
        return List.copyOf(distinct.values());
    }

    default void checkLevel(int level) {
        if (level < 1 || level > maxLevel()) {
            throw SkillLevelOutOfRangeException.of(name(), maxLevel(), level);
        }
    }
}
