package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.orchestrator.DecisionView;
import dev.llmfleet.api.orchestrator.PromoteRequest;
import dev.llmfleet.orchestrator.OrchestratorProperties;
import dev.llmfleet.orchestrator.decision.DecisionLog;
import dev.llmfleet.orchestrator.deployment.Deployments;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator's promotion of a candidate: its run goes to PROMOTING, and the loop consolidates and
 * deploys it as it would its own pick. A regression is refused unless forced; a candidate not yet
 * evaluated, already deployed, or whose run is busy promoting is refused.
 */
@Service
public class Promotions {

    private final CandidateRepository candidates;
    private final PipelineRunRepository runs;
    private final Deployments deployments;
    private final DecisionLog decisions;
    private final Scoring scoring;
    private final Clock clock;

    Promotions(
            CandidateRepository candidates,
            PipelineRunRepository runs,
            Deployments deployments,
            DecisionLog decisions,
            OrchestratorProperties properties,
            Clock clock) {
        this.candidates = candidates;
        this.runs = runs;
        this.deployments = deployments;
        this.decisions = decisions;
        this.scoring = Scoring.of(properties.pipeline());
        this.clock = clock;
    }

    @Transactional
    public DecisionView promote(PromoteRequest request, String operator) {
        Candidate candidate = candidates
                .findById(request.candidateId())
                .orElseThrow(() -> CandidateNotFoundException.forId(request.candidateId()));
        if (!candidate.isEvaluated()) {
            throw PromotionRefusedException.notEvaluated(candidate.id());
        }
        if (candidate.regression() && !request.forced()) {
            throw PromotionRefusedException.regression(
                    candidate.id(), candidate.validationLoss(), candidate.bestValidationLoss());
        }
        if (candidate.version() != null
                && deployments
                        .deployedVersion()
                        .filter(candidate.version()::equals)
                        .isPresent()) {
            throw PromotionRefusedException.alreadyDeployed(candidate.id(), candidate.version());
        }
        PipelineRun run = runs.findById(candidate.runId()).orElseThrow();
        if (run.step() == PipelineStep.PROMOTING || run.step() == PipelineStep.DEPLOYING) {
            throw PromotionRefusedException.busy(candidate.id(), "is " + run.step() + " already");
        }
        String why =
                request.reason() == null || request.reason().isBlank() ? "promoted by " + operator : request.reason();
        run.promote(operator, why, clock.instant());
        try {
            runs.saveAndFlush(run);
        } catch (OptimisticLockingFailureException e) {
            throw PromotionRefusedException.busy(
                    candidate.id(), "was moved on by the pipeline at this moment; try again");
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("requested by " + operator + ": " + why);
        reasons.add("candidate %s: score %.4f (accuracy %.3f, validation loss %.4f) on %s"
                .formatted(
                        candidate.checkpoint(),
                        candidate.score(scoring),
                        candidate.accuracy(),
                        candidate.validationLoss(),
                        candidate.suites()));
        if (candidate.regression()) {
            reasons.add("a regression, promoted because the operator forced it");
        }
        return decisions.record(
                "PROMOTE", CandidateScorer.subject(candidate.id()), "promote and deploy", reasons, operator);
    }
}
