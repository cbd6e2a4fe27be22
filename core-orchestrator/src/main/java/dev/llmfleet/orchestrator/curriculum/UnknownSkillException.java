package dev.llmfleet.orchestrator.curriculum;

import dev.llmfleet.api.error.FleetException;

/** A skill name the curriculum does not teach. */
public class UnknownSkillException extends FleetException {

    private UnknownSkillException(String message) {
        super(Kind.NOT_FOUND, "skill-not-found", message);
    }

    public static UnknownSkillException named(String skill) {
        return new UnknownSkillException("No skill '" + skill + "' in the curriculum");
    }
}
