package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.orchestrator.OrchestratorProperties;
import dev.llmfleet.orchestrator.deployment.Deployments;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Judges an evaluated candidate: a regression is rejected; otherwise it is promoted when nothing is
 * deployed yet, or when its score beats the deployed model's score on the same suites by more than
 * the margin. When the deployed model cannot be measured on those suites (its checkpoint is gone),
 * the candidate is judged as if nothing were deployed: the regression check still guards it.
 *
 * <p>While another candidate is being promoted or deployed, judging waits: the model to beat is the
 * one that deployment leaves, not the one it replaces.
 */
@Component
class JudgingStep implements StepHandler {

    private final CandidateRepository candidates;
    private final PipelineRunRepository runs;
    private final Deployments deployments;
    private final Baselines baselines;
    private final Verdicts verdicts;
    private final OrchestratorProperties.Pipeline settings;
    private final Scoring scoring;

    JudgingStep(
            CandidateRepository candidates,
            PipelineRunRepository runs,
            Deployments deployments,
            Baselines baselines,
            Verdicts verdicts,
            OrchestratorProperties properties) {
        this.candidates = candidates;
        this.runs = runs;
        this.deployments = deployments;
        this.baselines = baselines;
        this.verdicts = verdicts;
        this.settings = properties.pipeline();
        this.scoring = Scoring.of(settings);
    }

    @Override
    public PipelineStep step() {
        return PipelineStep.JUDGING;
    }

    @Override
    public void advance(PipelineRun run) {
        Candidate candidate = candidates.findById(run.candidateId()).orElseThrow();
        if (candidate.regression()) {
            verdicts.regression(run.id(), candidate.id(), settings.regressionThreshold());
            return;
        }
        if (deployments.inProgress().isPresent()
                || runs.existsByStepIn(EnumSet.of(PipelineStep.PROMOTING, PipelineStep.DEPLOYING))) {
            return;
        }
        double score = candidate.score(scoring);
        List<String> reasons = new ArrayList<>();
        reasons.add("candidate %s: score %.4f (accuracy %.3f, validation loss %.4f, gap %s) on %s"
                .formatted(
                        candidate.checkpoint(),
                        score,
                        candidate.accuracy(),
                        candidate.validationLoss(),
                        candidate.gap() == null ? "unknown" : "%.4f".formatted(candidate.gap()),
                        candidate.suites()));
        Optional<String> deployed = deployments.deployedVersion();
        if (deployed.isEmpty()) {
            reasons.add("nothing is deployed yet");
            verdicts.promote(run.id(), candidate.id(), "best candidate, nothing deployed yet", reasons);
            return;
        }
        if (deployed.get().equals(candidate.version())) {
            reasons.add("it is the deployed version " + deployed.get() + " already");
            verdicts.reject(run.id(), candidate.id(), "already deployed", reasons);
            return;
        }
        Baseline baseline = baselines.of(candidate, deployed.get());
        if (baseline.waiting()) {
            return;
        }
        judge(run, candidate, score, baseline, reasons);
    }

    private void judge(PipelineRun run, Candidate candidate, double score, Baseline baseline, List<String> reasons) {
        if (baseline.score() == null) {
            reasons.add("the deployed %s cannot be measured on the same suites (%s); judged as if nothing were deployed"
                    .formatted(baseline.version(), baseline.detail()));
            verdicts.promote(run.id(), candidate.id(), "deployed model not measurable, candidate sound", reasons);
            return;
        }
        reasons.add("deployed %s: score %.4f on the same suites (%s)"
                .formatted(baseline.version(), baseline.score(), baseline.detail()));
        reasons.add("margin %.4f".formatted(settings.promotionMargin()));
        if (score > baseline.score() + settings.promotionMargin()) {
            verdicts.promote(
                    run.id(),
                    candidate.id(),
                    "score %.4f beats deployed %s (%.4f)".formatted(score, baseline.version(), baseline.score()),
                    reasons);
        } else {
            verdicts.reject(run.id(), candidate.id(), "does not beat deployed " + baseline.version(), reasons);
        }
    }
}
