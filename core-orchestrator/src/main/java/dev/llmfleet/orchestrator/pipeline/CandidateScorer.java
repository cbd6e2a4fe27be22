package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.orchestrator.CurriculumEvaluation;
import dev.llmfleet.orchestrator.OrchestratorProperties;
import dev.llmfleet.orchestrator.curriculum.CurriculumService;
import dev.llmfleet.orchestrator.decision.DecisionLog;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Gives a candidate the scores of its own evaluation, flags a regression, and tells the curriculum
 * how each skill did (which may advance it a level). Runs inside the report's transaction.
 *
 * <p>A regression is a validation loss worse than the best one reported so far by more than the
 * threshold, among evaluations on the same suites: a loss on a harder level is not comparable with
 * one on an easier level, and comparing them would call every candidate after an advance a
 * regression.
 */
@Component
class CandidateScorer {

    private final CandidateRepository candidates;
    private final EvaluationRepository evaluations;
    private final CurriculumService curriculum;
    private final DecisionLog decisions;
    private final OrchestratorProperties.Pipeline settings;
    private final OrchestratorProperties.Curriculum rules;
    private final Clock clock;

    CandidateScorer(
            CandidateRepository candidates,
            EvaluationRepository evaluations,
            CurriculumService curriculum,
            DecisionLog decisions,
            OrchestratorProperties properties,
            Clock clock) {
        this.candidates = candidates;
        this.evaluations = evaluations;
        this.curriculum = curriculum;
        this.decisions = decisions;
        this.settings = properties.pipeline();
        this.rules = properties.curriculum();
        this.clock = clock;
    }

    static String subject(UUID candidate) {
        return "candidate/" + candidate;
    }

    /** The training loss the evaluated checkpoint recorded, when it is a candidate's. */
    Double knownTrainLoss(Evaluation evaluation) {
        return evaluation.candidateId() == null
                ? null
                : candidates
                        .findById(evaluation.candidateId())
                        .map(Candidate::trainLoss)
                        .orElse(null);
    }

    void scored(Evaluation evaluation, EvaluationScore score) {
        Candidate candidate = candidates
                .findById(evaluation.candidateId())
                .orElseThrow(() -> CandidateNotFoundException.forId(evaluation.candidateId()));
        Double best = evaluations.bestValidationLoss(evaluation.suites(), evaluation.checkpoint());
        boolean regression = best != null && score.validationLoss() > best * (1 + settings.regressionThreshold());
        candidate.evaluated(score, best, regression, clock.instant());
        candidates.save(candidate);
        for (Map.Entry<String, Double> skillLevel : score.accuracyBySkillLevel().entrySet()) {
            String[] parts = skillLevel.getKey().split("/");
            record(parts[0], Integer.parseInt(parts[1]), skillLevel.getValue(), candidate);
        }
    }

    private void record(String skill, int level, double accuracy, Candidate candidate) {
        CurriculumEvaluation recorded = curriculum.recordEvaluation(
                skill, level, accuracy, candidate.id().toString());
        if (recorded.advancedTo() != null) {
            decisions.record(
                    "ADVANCE",
                    "skill/" + skill,
                    "level " + level + " -> " + recorded.advancedTo(),
                    List.of(
                            "candidate %s answered %.1f%% of %s/%d"
                                    .formatted(candidate.id(), accuracy * 100, skill, level),
                            "%d passing evaluations in a row at %.0f%% or better"
                                    .formatted(rules.passesToAdvance(), rules.passAccuracy() * 100),
                            "next: " + curriculum.skill(skill).describe(recorded.advancedTo())),
                    "orchestrator");
        }
    }
}
