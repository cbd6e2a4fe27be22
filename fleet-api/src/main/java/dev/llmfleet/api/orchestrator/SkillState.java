package dev.llmfleet.api.orchestrator;

import java.time.Instant;

/** Where a skill stands: its level, what that level asks, and its run of passing evaluations. */
public record SkillState(
        String skill,
        int level,
        int maxLevel,
        String description,
        int consecutivePasses,
        int passesToAdvance,
        boolean completed,
        Instant updatedAt) {}
