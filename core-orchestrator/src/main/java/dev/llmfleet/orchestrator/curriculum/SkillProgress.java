package dev.llmfleet.orchestrator.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Where one skill stands in the curriculum. A skill advances a level after enough passing
 * evaluations in a row; a failing one resets the run; at the top level it is complete.
 */
@Entity
@Table(name = "skill_progress")
class SkillProgress {

    @Id
    private String skill;

    @Column(nullable = false)
    private int level;

    @Column(name = "consecutive_passes", nullable = false)
    private int consecutivePasses;

    @Column(nullable = false)
    private boolean completed;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected SkillProgress() {}

    SkillProgress(String skill, Instant now) {
        this.skill = skill;
        this.level = 1;
        this.updatedAt = now;
    }

    /**
     * Records one evaluation at the current level.
     *
     * @return the new level when this evaluation advanced the skill, otherwise null
     */
    Integer record(boolean passed, int passesToAdvance, int maxLevel, Instant now) {
        updatedAt = now;
        if (!passed) {
            consecutivePasses = 0;
            return null;
        }
        consecutivePasses++;
        if (consecutivePasses < passesToAdvance || completed) {
            return null;
        }
        consecutivePasses = 0;
        if (level >= maxLevel) {
            completed = true;
            return null;
        }
        level++;
        return level;
    }

    String skill() {
        return skill;
    }

    int level() {
        return level;
    }

    int consecutivePasses() {
        return consecutivePasses;
    }

    boolean completed() {
        return completed;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
