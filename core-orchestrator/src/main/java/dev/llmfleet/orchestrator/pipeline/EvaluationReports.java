package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.orchestrator.EvaluationItemResult;
import dev.llmfleet.api.orchestrator.EvaluationReport;
import dev.llmfleet.api.orchestrator.EvaluationSpec;
import dev.llmfleet.api.orchestrator.SuiteItem;
import dev.llmfleet.orchestrator.OrchestratorProperties;
import dev.llmfleet.orchestrator.decision.DecisionLog;
import java.time.Clock;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST side of evaluation jobs: the spec a worker answers, and the report it sends back, which
 * is checked (one result per question), scored and, for a candidate, passed on to
 * {@link CandidateScorer}. An evaluation takes one report; a second is refused.
 */
@Service
public class EvaluationReports {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final EvaluationRepository evaluations;
    private final SuiteCatalog suites;
    private final CandidateScorer scorer;
    private final DecisionLog decisions;
    private final PipelineMetrics metrics;
    private final OrchestratorProperties.Pipeline settings;
    private final Clock clock;

    EvaluationReports(
            EvaluationRepository evaluations,
            SuiteCatalog suites,
            CandidateScorer scorer,
            DecisionLog decisions,
            PipelineMetrics metrics,
            OrchestratorProperties properties,
            Clock clock) {
        this.evaluations = evaluations;
        this.suites = suites;
        this.scorer = scorer;
        this.decisions = decisions;
        this.metrics = metrics;
        this.settings = properties.pipeline();
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public EvaluationSpec spec(UUID id) {
        Evaluation evaluation = load(id);
        return new EvaluationSpec(
                id,
                evaluation.checkpoint(),
                Arrays.asList(evaluation.suites().split(",")),
                suites.items(evaluation.suites()),
                settings.maxNewTokens());
    }

    @Transactional
    public void report(UUID id, EvaluationReport report) {
        Evaluation evaluation = evaluations.lockById(id).orElseThrow(() -> EvaluationNotFoundException.forId(id));
        if (evaluation.state() == EvaluationState.REPORTED) {
            throw EvaluationClosedException.alreadyReported(id);
        }
        if (evaluation.state() == EvaluationState.FAILED) {
            throw EvaluationClosedException.failed(id, evaluation.failure());
        }
        List<SuiteItem> items = suites.items(evaluation.suites());
        check(id, items.size(), report);
        EvaluationScore score =
                EvaluationScore.of(evaluation.suites(), items, report, scorer.knownTrainLoss(evaluation));
        evaluation.reported(score, report.tookMillis(), json.writeValueAsString(report.results()), clock.instant());
        evaluations.save(evaluation);
        metrics.evaluated("reported");
        decisions.record(
                "EVALUATE",
                evaluation.candidateId() == null
                        ? "checkpoint/" + evaluation.checkpoint()
                        : CandidateScorer.subject(evaluation.candidateId()),
                "accuracy %.3f, validation loss %.4f".formatted(score.accuracy(), score.validationLoss()),
                List.of(
                        evaluation.purpose() + " evaluation " + id + " of " + evaluation.checkpoint(),
                        "suites " + evaluation.suites(),
                        "%d of %d answered exactly".formatted(score.correct(), score.total()),
                        "accuracy by skill/level " + score.accuracyBySkillLevel()),
                "orchestrator");
        if (evaluation.purpose() == EvaluationPurpose.CANDIDATE && evaluation.candidateId() != null) {
            scorer.scored(evaluation, score);
        }
    }

    private static void check(UUID id, int questions, EvaluationReport report) {
        List<EvaluationItemResult> results = report.results();
        if (results.size() != questions) {
            throw InvalidEvaluationReportException.because(
                    id, "it holds %d results for %d questions".formatted(results.size(), questions));
        }
        BitSet seen = new BitSet(questions);
        for (EvaluationItemResult result : results) {
            if (result == null || result.index() < 0 || result.index() >= questions) {
                throw InvalidEvaluationReportException.because(id, "a result's index is outside 0.." + (questions - 1));
            }
            if (seen.get(result.index())) {
                throw InvalidEvaluationReportException.because(id, "question " + result.index() + " is answered twice");
            }
            if (result.generated() == null) {
                throw InvalidEvaluationReportException.because(id, "question " + result.index() + " has no answer");
            }
            seen.set(result.index());
        }
        if (!Double.isFinite(report.validationLoss()) || report.validationLoss() < 0) {
            throw InvalidEvaluationReportException.because(
                    id, "the validation loss is not a finite, non-negative number");
        }
        if (report.trainLoss() != null && !Double.isFinite(report.trainLoss())) {
            throw InvalidEvaluationReportException.because(id, "the training loss is not a finite number");
        }
    }

    private Evaluation load(UUID id) {
        return evaluations.findById(id).orElseThrow(() -> EvaluationNotFoundException.forId(id));
    }
}
