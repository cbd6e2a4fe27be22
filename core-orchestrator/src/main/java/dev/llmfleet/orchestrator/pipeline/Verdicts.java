package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.orchestrator.decision.DecisionLog;
import dev.llmfleet.starter.errors.ErrorReporter;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Carries out what judging decided, recording the decision with its reasons in the same transaction. */
@Component
class Verdicts {

    static final String ACTOR = "orchestrator";

    private final PipelineRunRepository runs;
    private final CandidateRepository candidates;
    private final DecisionLog decisions;
    private final ObjectProvider<ErrorReporter> errors;
    private final TransactionTemplate tx;
    private final Clock clock;

    Verdicts(
            PipelineRunRepository runs,
            CandidateRepository candidates,
            DecisionLog decisions,
            ObjectProvider<ErrorReporter> errors,
            TransactionTemplate tx,
            Clock clock) {
        this.runs = runs;
        this.candidates = candidates;
        this.decisions = decisions;
        this.errors = errors;
        this.tx = tx;
        this.clock = clock;
    }

    /** A regression is rejected for good and raised on the error bus. */
    void regression(UUID runId, UUID candidateId, double threshold) {
        Candidate judged = tx.execute(status -> {
            Candidate candidate = candidates.findById(candidateId).orElseThrow();
            PipelineRun run = runs.findById(runId).orElseThrow();
            candidate.reject(clock.instant());
            run.reject(clock.instant());
            candidates.save(candidate);
            runs.save(run);
            decisions.record(
                    "REGRESSION",
                    CandidateScorer.subject(candidateId),
                    "rejected: a regression",
                    List.of(
                            "validation loss %.4f is more than %.0f%% worse than the best so far, %.4f, on %s"
                                    .formatted(
                                            candidate.validationLoss(),
                                            threshold * 100,
                                            candidate.bestValidationLoss(),
                                            candidate.suites()),
                            "checkpoint " + candidate.checkpoint(),
                            "a regression is never promoted or deployed unless an operator forces it"),
                    ACTOR);
            return candidate;
        });
        errors.ifAvailable(bus -> bus.event(
                Severity.WARNING,
                "candidate-regression",
                "Candidate %s (%s) is a regression: validation loss %.4f against the best %.4f on %s"
                        .formatted(
                                candidateId,
                                judged.checkpoint(),
                                judged.validationLoss(),
                                judged.bestValidationLoss(),
                                judged.suites())));
    }

    /** The candidate becomes a version and is deployed (the PROMOTING step does the work). */
    void promote(UUID runId, UUID candidateId, String why, List<String> reasons) {
        tx.executeWithoutResult(status -> {
            PipelineRun run = runs.findById(runId).orElseThrow();
            run.promote(ACTOR, why, clock.instant());
            runs.save(run);
            decisions.record("PROMOTE", CandidateScorer.subject(candidateId), "promote and deploy", reasons, ACTOR);
        });
    }

    /** The candidate does not beat the deployed model: it stays a ranked candidate, the run is done. */
    void reject(UUID runId, UUID candidateId, String outcome, List<String> reasons) {
        tx.executeWithoutResult(status -> {
            Candidate candidate = candidates.findById(candidateId).orElseThrow();
            PipelineRun run = runs.findById(runId).orElseThrow();
            candidate.reject(clock.instant());
            run.done(clock.instant());
            candidates.save(candidate);
            runs.save(run);
            decisions.record("REJECT", CandidateScorer.subject(candidateId), outcome, reasons, ACTOR);
        });
    }
}
