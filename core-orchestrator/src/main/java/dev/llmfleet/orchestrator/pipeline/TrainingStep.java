package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.scheduler.JobResponse;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Waits for the training job: COMPLETED moves on to evaluation, FAILED or CANCELLED ends the run. */
@Component
class TrainingStep implements StepHandler {

    private final PipelineCalls calls;
    private final PipelineRunRepository runs;
    private final TransactionTemplate tx;
    private final Clock clock;

    TrainingStep(PipelineCalls calls, PipelineRunRepository runs, TransactionTemplate tx, Clock clock) {
        this.calls = calls;
        this.runs = runs;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public PipelineStep step() {
        return PipelineStep.TRAINING;
    }

    @Override
    public void advance(PipelineRun run) {
        if (run.jobId() == null) {
            return; // the trainer has not put the dataset on the queue yet; discovery attaches the job
        }
        JobResponse job = calls.job(run.jobId());
        switch (job.state()) {
            case COMPLETED ->
                tx.executeWithoutResult(status -> {
                    PipelineRun fresh = runs.findById(run.id()).orElseThrow();
                    fresh.trained(job.leasedHost() != null ? job.leasedHost() : job.host(), clock.instant());
                    runs.save(fresh);
                });
            case FAILED, CANCELLED ->
                throw new StepFailedException("training job " + job.id() + " " + job.state() + ": " + job.lastReason());
            default -> {}
        }
    }
}
