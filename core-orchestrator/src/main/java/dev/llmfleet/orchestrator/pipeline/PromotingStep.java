package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.lifecycle.ConsolidateRequest;
import dev.llmfleet.api.lifecycle.ConsolidationResult;
import dev.llmfleet.api.lifecycle.VersionView;
import dev.llmfleet.api.orchestrator.DeploymentView;
import dev.llmfleet.orchestrator.deployment.DeploymentInProgressException;
import dev.llmfleet.orchestrator.deployment.Deployments;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the candidate a version and starts deploying it. A version is made once per checkpoint:
 * before consolidating, the trainer's versions are searched for one made from this checkpoint (a
 * consolidation that finished while the orchestrator was down) and that one is used. The deployment
 * is started in the same transaction that moves the run to DEPLOYING, so it is started once; while
 * another deployment is in progress the run waits its turn.
 */
@Component
class PromotingStep implements StepHandler {

    private final PipelineCalls calls;
    private final PipelineRunRepository runs;
    private final CandidateRepository candidates;
    private final Deployments deployments;
    private final TransactionTemplate tx;
    private final Clock clock;

    PromotingStep(
            PipelineCalls calls,
            PipelineRunRepository runs,
            CandidateRepository candidates,
            Deployments deployments,
            TransactionTemplate tx,
            Clock clock) {
        this.calls = calls;
        this.runs = runs;
        this.candidates = candidates;
        this.deployments = deployments;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public PipelineStep step() {
        return PipelineStep.PROMOTING;
    }

    @Override
    public void advance(PipelineRun run) {
        Candidate candidate = candidates.findById(run.candidateId()).orElseThrow();
        String version = candidate.version() != null ? candidate.version() : versionOf(run, candidate);
        if (candidate.state() != CandidateState.PROMOTED || !version.equals(candidate.version())) {
            tx.executeWithoutResult(status -> {
                Candidate fresh = candidates.findById(candidate.id()).orElseThrow();
                fresh.promoted(version, clock.instant());
                candidates.save(fresh);
            });
        }
        if (deployments.inProgress().isPresent()) {
            return; // one deployment at a time: this one starts when the current one has ended
        }
        try {
            tx.executeWithoutResult(status -> {
                PipelineRun current = runs.findById(run.id()).orElseThrow();
                DeploymentView deployment =
                        deployments.deploy(version, current.promotionReason(), current.promotedBy());
                current.deploying(version, deployment.id(), clock.instant());
                runs.save(current);
            });
        } catch (DeploymentInProgressException e) {
            // another deployment started between the look and the start: wait for it as above
        }
    }

    private String versionOf(PipelineRun run, Candidate candidate) {
        Optional<String> made = calls.versions().stream()
                .filter(v -> v.deletedAt() == null && candidate.checkpoint().equals(v.sourceCheckpoint()))
                .map(VersionView::name)
                .findFirst();
        if (made.isPresent()) {
            return made.get();
        }
        ConsolidationResult result = calls.consolidate(request(run, candidate));
        if (!result.succeeded() || result.version() == null) {
            throw new StepFailedException("consolidation failed at " + result.failedStep() + ": " + result.message());
        }
        return result.version().name();
    }

    private static ConsolidateRequest request(PipelineRun run, Candidate candidate) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("step", (double) candidate.step());
        if (candidate.trainLoss() != null) {
            metrics.put("trainLoss", candidate.trainLoss());
        }
        Map<String, Double> evaluation = new LinkedHashMap<>();
        evaluation.put("accuracy", candidate.accuracy());
        evaluation.put("validationLoss", candidate.validationLoss());
        if (candidate.gap() != null) {
            evaluation.put("gap", candidate.gap());
        }
        candidate
                .accuracyBySkillLevel()
                .forEach((skillLevel, accuracy) -> evaluation.put("accuracy/" + skillLevel, accuracy));
        String description = "Candidate %s from %s: accuracy %.3f on %s, validation loss %.4f"
                .formatted(
                        candidate.id(),
                        run.datasetName() != null ? run.datasetName() : run.dataset(),
                        candidate.accuracy(),
                        candidate.suites(),
                        candidate.validationLoss());
        return new ConsolidateRequest(
                candidate.checkpoint(),
                description,
                List.of(candidate.dataset()),
                metrics,
                evaluation,
                run.promotedBy());
    }
}
