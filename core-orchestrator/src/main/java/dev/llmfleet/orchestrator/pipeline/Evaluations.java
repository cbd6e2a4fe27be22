package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.orchestrator.OrchestratorProperties;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes evaluations and drives their EVALUATION jobs: submits each once (payload {@code evaluation:<id>}, on the
 * host that holds the checkpoint) and notices when it fails for good. The report itself arrives
 * over REST ({@link EvaluationReports}).
 */
@Service
class Evaluations {

    private static final Log log = LogFactory.getLog(Evaluations.class);

    private final EvaluationRepository evaluations;
    private final SuiteCatalog suites;
    private final PipelineCalls calls;
    private final PipelineMetrics metrics;
    private final TransactionTemplate tx;
    private final long vramMb;
    private final Clock clock;

    Evaluations(
            EvaluationRepository evaluations,
            SuiteCatalog suites,
            PipelineCalls calls,
            PipelineMetrics metrics,
            TransactionTemplate tx,
            OrchestratorProperties properties,
            Clock clock) {
        this.evaluations = evaluations;
        this.suites = suites;
        this.calls = calls;
        this.metrics = metrics;
        this.tx = tx;
        this.vramMb = properties.pipeline().evaluationVramMb();
        this.clock = clock;
    }

    /**
     * A new evaluation of {@code checkpoint} on {@code suiteKeys}, or on the current suites when
     * null; joins the caller's transaction.
     */
    Evaluation create(UUID candidateId, EvaluationPurpose purpose, String checkpoint, String host, String suiteKeys) {
        String asked = suiteKeys != null ? suiteKeys : suites.current();
        return evaluations.save(new Evaluation(candidateId, purpose, checkpoint, host, asked, clock.instant()));
    }

    /** Moves the evaluation on as far as it can go now; answers its state afterwards. */
    Evaluation drive(UUID id) {
        Evaluation evaluation = load(id);
        return switch (evaluation.state()) {
            case CREATED -> submit(evaluation);
            case SUBMITTED -> watch(evaluation);
            case REPORTED, FAILED -> evaluation;
        };
    }

    private Evaluation submit(Evaluation evaluation) {
        if (evaluation.submitAttempted()) {
            // A submission may have reached the scheduler before the orchestrator stopped: find it.
            Optional<JobResponse> earlier = calls.jobWithPayload(evaluation.payloadRef(), evaluation.host());
            if (earlier.isPresent()) {
                return update(evaluation.id(), e -> e.submitted(earlier.get().id()));
            }
        } else {
            update(evaluation.id(), Evaluation::submitting);
        }
        JobResponse job = calls.submitEvaluation(evaluation.payloadRef(), evaluation.host(), vramMb);
        log.info("Evaluation " + evaluation.id() + " of " + evaluation.checkpoint() + " submitted as job " + job.id());
        return update(evaluation.id(), e -> e.submitted(job.id()));
    }

    private Evaluation watch(Evaluation evaluation) {
        JobResponse job = calls.job(evaluation.jobId());
        if (job.state() == JobState.FAILED || job.state() == JobState.CANCELLED) {
            return fail(evaluation.id(), "evaluation job " + job.id() + " " + job.state() + ": " + job.lastReason());
        }
        if (job.state() == JobState.COMPLETED) {
            // The worker reports before it completes its lease; a completed job without a report lost it.
            return fail(evaluation.id(), "evaluation job " + job.id() + " completed without a report");
        }
        return evaluation;
    }

    private Evaluation fail(UUID id, String why) {
        Evaluation failed = tx.execute(status -> {
            Evaluation fresh = load(id);
            if (fresh.state().isOpen()) {
                fresh.failed(why, clock.instant());
                metrics.evaluated("failed");
            }
            return evaluations.save(fresh);
        });
        return failed;
    }

    private Evaluation update(UUID id, java.util.function.Consumer<Evaluation> change) {
        return tx.execute(status -> {
            Evaluation fresh = load(id);
            change.accept(fresh);
            return evaluations.save(fresh);
        });
    }

    private Evaluation load(UUID id) {
        return evaluations.findById(id).orElseThrow(() -> EvaluationNotFoundException.forId(id));
    }
}
