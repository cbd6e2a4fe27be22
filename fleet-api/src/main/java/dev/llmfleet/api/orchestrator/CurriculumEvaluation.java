package dev.llmfleet.api.orchestrator;

import java.time.Instant;

/** An evaluation of a skill at a level, and whether it moved the skill up. */
public record CurriculumEvaluation(
        String skill,
        int level,
        double accuracy,
        boolean passed,
        Integer advancedTo,
        String source,
        Instant evaluatedAt) {}
