package dev.llmfleet.orchestrator.curriculum;

import dev.llmfleet.api.orchestrator.SkillExample;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Addition and subtraction, from single digits (level 1) up to five-digit numbers (level 7).
 * Subtraction never goes below zero, so every answer is a plain non-negative number.
 */
public final class ArithmeticSkill implements Skill {

    /** Digits of the operands at each level, and whether subtraction is asked. */
    private record Level(int digits, boolean subtraction, String description) {}

    /**
     * The ways a sum is asked. A level's validation suite holds out whole questions, so at the small
     * levels (a hundred single-digit sums) it asks facts the training data teaches in other wordings:
     * it measures whether the model learned the sums, not one sentence.
     */
    private static final List<String> ADDITIONS =
            List.of("What is %d+%d?", "What is %d plus %d?", "%d+%d=?", "Add %d and %d.");

    /** The ways a difference is asked; the first number is never the smaller. */
    private static final List<String> SUBTRACTIONS =
            List.of("What is %d-%d?", "What is %d minus %d?", "%d-%d=?", "Take %2$d from %1$d.");

    private static final Level[] LEVELS = {
        new Level(1, false, "single-digit addition"),
        new Level(1, true, "single-digit addition and subtraction"),
        new Level(2, true, "two-digit addition and subtraction"),
        new Level(3, true, "three-digit addition and subtraction"),
        new Level(4, false, "four-digit addition"),
        new Level(4, true, "four-digit addition and subtraction"),
        new Level(5, true, "five-digit addition and subtraction"),
    };

    @Override
    public String name() {
        return "arithmetic";
    }

    @Override
    public int maxLevel() {
        return LEVELS.length;
    }

    @Override
    public String describe(int level) {
        checkLevel(level);
        return LEVELS[level - 1].description();
    }

    @Override
    public String systemPrompt() {
        return "";
    }

    @Override
    public SkillExample example(int level, RandomGenerator random) {
        checkLevel(level);
        Level spec = LEVELS[level - 1];
        int bound = (int) Math.pow(10, spec.digits());
        int a = random.nextInt(bound);
        int b = random.nextInt(bound);
        if (spec.subtraction() && random.nextBoolean()) {
            int high = Math.max(a, b);
            int low = Math.min(a, b);
            String wording = SUBTRACTIONS.get(random.nextInt(SUBTRACTIONS.size()));
            return new SkillExample(name(), level, wording.formatted(high, low), Integer.toString(high - low));
        }
        String wording = ADDITIONS.get(random.nextInt(ADDITIONS.size()));
        return new SkillExample(name(), level, wording.formatted(a, b), Integer.toString(a + b));
    }
}
