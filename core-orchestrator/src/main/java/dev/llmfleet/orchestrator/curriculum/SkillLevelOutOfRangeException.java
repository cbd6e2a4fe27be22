package dev.llmfleet.orchestrator.curriculum;

import dev.llmfleet.api.error.FleetException;

/** A level a skill does not have. */
public class SkillLevelOutOfRangeException extends FleetException {

    private SkillLevelOutOfRangeException(String message) {
        super(Kind.INVALID, "skill-level-out-of-range", message);
    }

    public static SkillLevelOutOfRangeException of(String skill, int maxLevel, int level) {
        return new SkillLevelOutOfRangeException(
                "Skill %s has levels 1 to %d, not %d".formatted(skill, maxLevel, level));
    }
}
