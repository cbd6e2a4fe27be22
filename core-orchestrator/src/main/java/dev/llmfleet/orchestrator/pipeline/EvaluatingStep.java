package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.trainer.CheckpointInfo;
import java.time.Clock;
import java.util.Comparator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the job's newest complete checkpoint a candidate, asks it the current suites through an
 * evaluation job, and waits for the report. Each thing made is saved before the next is asked for,
 * so a restart picks up the same candidate and the same evaluation job.
 */
@Component
class EvaluatingStep implements StepHandler {

    private final PipelineCalls calls;
    private final PipelineRunRepository runs;
    private final CandidateRepository candidates;
    private final Evaluations evaluations;
    private final TransactionTemplate tx;
    private final Clock clock;

    EvaluatingStep(
            PipelineCalls calls,
            PipelineRunRepository runs,
            CandidateRepository candidates,
            Evaluations evaluations,
            TransactionTemplate tx,
            Clock clock) {
        this.calls = calls;
        this.runs = runs;
        this.candidates = candidates;
        this.evaluations = evaluations;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public PipelineStep step() {
        return PipelineStep.EVALUATING;
    }

    @Override
    public void advance(PipelineRun run) {
        if (run.candidateId() == null) {
            run = candidateOf(run);
        }
        if (run.evaluationId() == null) {
            run = evaluationOf(run);
        }
        Evaluation evaluation = evaluations.drive(run.evaluationId());
        if (evaluation.state() == EvaluationState.REPORTED) {
            update(run, r -> r.evaluated(clock.instant()));
        } else if (evaluation.state() == EvaluationState.FAILED) {
            tx.executeWithoutResult(status -> {
                Candidate candidate =
                        candidates.findById(evaluation.candidateId()).orElseThrow();
                candidate.reject(clock.instant());
                candidates.save(candidate);
            });
            throw new StepFailedException("the evaluation failed: " + evaluation.failure());
        }
    }

    private PipelineRun candidateOf(PipelineRun run) {
        CheckpointInfo newest = calls.checkpoints(run.jobId()).stream()
                .filter(CheckpointInfo::complete)
                .max(Comparator.comparingLong(CheckpointInfo::step))
                .orElseThrow(
                        () -> new StepFailedException("training job " + run.jobId() + " left no complete checkpoint"));
        return tx.execute(status -> {
            PipelineRun fresh = runs.findById(run.id()).orElseThrow();
            Candidate candidate = candidates.save(
                    new Candidate(fresh, newest.path(), newest.step(), newest.trainLoss(), clock.instant()));
            fresh.candidate(candidate.id(), clock.instant());
            return runs.save(fresh);
        });
    }

    private PipelineRun evaluationOf(PipelineRun run) {
        return tx.execute(status -> {
            PipelineRun fresh = runs.findById(run.id()).orElseThrow();
            Candidate candidate = candidates.findById(fresh.candidateId()).orElseThrow();
            Evaluation evaluation = evaluations.create(
                    candidate.id(), EvaluationPurpose.CANDIDATE, candidate.checkpoint(), candidate.host(), null);
            fresh.evaluation(evaluation.id(), clock.instant());
            return runs.save(fresh);
        });
    }

    private void update(PipelineRun run, java.util.function.Consumer<PipelineRun> change) {
        tx.executeWithoutResult(status -> {
            PipelineRun fresh = runs.findById(run.id()).orElseThrow();
            change.accept(fresh);
            runs.save(fresh);
        });
    }
}
