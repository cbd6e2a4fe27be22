package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.orchestrator.DeploymentView;
import dev.llmfleet.orchestrator.decision.DecisionLog;
import dev.llmfleet.orchestrator.deployment.Deployments;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Waits for the deployment to end: DEPLOYED makes the candidate the served one (and the one served
 * before a mere version), ROLLED_BACK marks it so; either way the run is done. A deployment that
 * FAILED ends the run FAILED.
 */
@Component
class DeployingStep implements StepHandler {

    private final PipelineRunRepository runs;
    private final CandidateRepository candidates;
    private final Deployments deployments;
    private final DecisionLog decisions;
    private final TransactionTemplate tx;
    private final Clock clock;

    DeployingStep(
            PipelineRunRepository runs,
            CandidateRepository candidates,
            Deployments deployments,
            DecisionLog decisions,
            TransactionTemplate tx,
            Clock clock) {
        this.runs = runs;
        this.candidates = candidates;
        this.deployments = deployments;
        this.decisions = decisions;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public PipelineStep step() {
        return PipelineStep.DEPLOYING;
    }

    @Override
    public void advance(PipelineRun run) {
        DeploymentView deployment = deployments
                .find(run.deploymentId())
                .orElseThrow(() -> new StepFailedException("deployment " + run.deploymentId() + " is unknown"));
        switch (deployment.state()) {
            case "DEPLOYED" -> ended(run, deployment, true);
            case "ROLLED_BACK" -> ended(run, deployment, false);
            case "FAILED" ->
                throw new StepFailedException("deployment " + deployment.id() + " of " + deployment.version()
                        + " failed: " + deployment.detail());
            default -> {}
        }
    }

    private void ended(PipelineRun run, DeploymentView deployment, boolean deployed) {
        tx.executeWithoutResult(status -> {
            Candidate candidate = candidates.findById(run.candidateId()).orElseThrow();
            if (deployed) {
                candidates.findByState(CandidateState.DEPLOYED).stream()
                        .filter(other -> !other.id().equals(candidate.id()))
                        .forEach(other -> {
                            other.retired(clock.instant());
                            candidates.save(other);
                        });
                candidate.deployed(clock.instant());
            } else {
                candidate.rolledBack(clock.instant());
            }
            candidates.save(candidate);
            PipelineRun fresh = runs.findById(run.id()).orElseThrow();
            fresh.done(clock.instant());
            runs.save(fresh);
            decisions.record(
                    deployed ? "DEPLOY" : "ROLLBACK",
                    CandidateScorer.subject(candidate.id()),
                    deployed
                            ? "serving " + deployment.version()
                            : deployment.version() + " rolled back to " + deployment.previousVersion(),
                    List.of(
                            "deployment " + deployment.id() + " ended " + deployment.state(),
                            String.valueOf(deployment.detail()),
                            "checkpoint " + candidate.checkpoint()),
                    Verdicts.ACTOR);
        });
    }
}
