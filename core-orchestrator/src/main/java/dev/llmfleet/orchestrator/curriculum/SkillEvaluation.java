package dev.llmfleet.orchestrator.curriculum;

import dev.llmfleet.api.orchestrator.CurriculumEvaluation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One evaluation the curriculum was told of, kept as its history (append-only). */
@Entity
@Table(name = "skill_evaluation")
class SkillEvaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String skill;

    @Column(nullable = false)
    private int level;

    @Column(nullable = false)
    private double accuracy;

    @Column(nullable = false)
    private boolean passed;

    @Column(name = "advanced_to")
    private Integer advancedTo;

    @Column(nullable = false)
    private String source;

    @Column(name = "evaluated_at", nullable = false)
    private Instant evaluatedAt;

    protected SkillEvaluation() {}

    SkillEvaluation(
            String skill, int level, double accuracy, boolean passed, Integer advancedTo, String source, Instant at) {
        this.skill = skill;
        this.level = level;
        this.accuracy = accuracy;
        this.passed = passed;
        this.advancedTo = advancedTo;
        this.source = source;
        this.evaluatedAt = at;
    }

    CurriculumEvaluation toApi() {
        return new CurriculumEvaluation(skill, level, accuracy, passed, advancedTo, source, evaluatedAt);
    }
}
