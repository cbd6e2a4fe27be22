package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.lifecycle.VersionView;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.orchestrator.OrchestratorProperties;
import dev.llmfleet.orchestrator.coordinator.CoordinatorException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures the deployed model on the suites a candidate was asked, so the two are judged on the
 * same footing: an earlier report of the deployed checkpoint on those suites is used when there is
 * one; otherwise the deployed checkpoint is evaluated (an evaluation job, which judging waits for).
 * A version the pipeline did not make is measured from its source checkpoint, on the host that
 * trained it. When the deployed checkpoint cannot be evaluated (its evaluation failed for good, or
 * the version names no checkpoint), the baseline is unavailable and says why.
 */
@Component
class Baselines {

    private static final Pattern RUN_FOLDER = Pattern.compile("(?:^|/)runs/([0-9a-fA-F-]{36})/");

    private final CandidateRepository candidates;
    private final EvaluationRepository stored;
    private final Evaluations evaluations;
    private final PipelineCalls calls;
    private final TransactionTemplate tx;
    private final Scoring scoring;

    Baselines(
            CandidateRepository candidates,
            EvaluationRepository stored,
            Evaluations evaluations,
            PipelineCalls calls,
            TransactionTemplate tx,
            OrchestratorProperties properties) {
        this.candidates = candidates;
        this.stored = stored;
        this.evaluations = evaluations;
        this.calls = calls;
        this.tx = tx;
        this.scoring = Scoring.of(properties.pipeline());
    }

    Baseline of(Candidate candidate, String version) {
        Optional<Candidate> made = candidates.findFirstByVersionOrderByUpdatedAtDesc(version);
        String checkpoint = made.map(Candidate::checkpoint).orElseGet(() -> sourceCheckpoint(version));
        if (checkpoint == null) {
            return Baseline.unavailable(version, version + " names no source checkpoint to evaluate");
        }
        List<Evaluation> asked = stored.findByCheckpointAndSuitesOrderByCreatedAtDesc(checkpoint, candidate.suites());
        Evaluation evaluation = asked.stream()
                .filter(e -> e.state() == EvaluationState.REPORTED)
                .findFirst()
                .or(() -> asked.stream().filter(e -> e.state().isOpen()).findFirst())
                .orElse(null);
        if (evaluation == null && !asked.isEmpty()) {
            return Baseline.unavailable(
                    version,
                    "its evaluation on " + candidate.suites() + " failed: "
                            + asked.getFirst().failure());
        }
        if (evaluation == null) {
            String host = made.map(Candidate::host).orElseGet(() -> hostOf(checkpoint));
            UUID candidateId = made.map(Candidate::id).orElse(null);
            evaluation = tx.execute(status ->
                    evaluations.create(candidateId, EvaluationPurpose.BASELINE, checkpoint, host, candidate.suites()));
        }
        return measured(version, evaluations.drive(evaluation.id()));
    }

    private Baseline measured(String version, Evaluation evaluation) {
        return switch (evaluation.state()) {
            case REPORTED -> {
                double score = scoring.score(
                        evaluation.accuracy(),
                        evaluation.validationLoss(),
                        Scoring.gap(evaluation.validationLoss(), evaluation.trainLoss()));
                yield Baseline.ready(
                        version,
                        score,
                        "%s: accuracy %.3f, validation loss %.4f (evaluation %s)"
                                .formatted(
                                        version, evaluation.accuracy(), evaluation.validationLoss(), evaluation.id()));
            }
            case FAILED ->
                Baseline.unavailable(version, "its evaluation " + evaluation.id() + " failed: " + evaluation.failure());
            case CREATED, SUBMITTED ->
                Baseline.waitingFor(version, "evaluation " + evaluation.id() + " of " + evaluation.checkpoint());
        };
    }

    private String sourceCheckpoint(String version) {
        VersionView view = calls.version(version);
        return view.sourceCheckpoint() == null || view.sourceCheckpoint().isBlank() ? null : view.sourceCheckpoint();
    }

    /** The host whose training job wrote the checkpoint, when its folder names the job. */
    private String hostOf(String checkpoint) {
        Matcher m = RUN_FOLDER.matcher(checkpoint);
        if (!m.find()) {
            return null;
        }
        try {
            JobResponse job = calls.job(UUID.fromString(m.group(1)));
            return job.leasedHost() != null ? job.leasedHost() : job.host();
        } catch (CoordinatorException e) {
            if (e.retriable()) {
                throw e;
            }
            return null; // the scheduler does not know the job: any host may try
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
