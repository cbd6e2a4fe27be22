package dev.llmfleet.orchestrator.pipeline;

import static dev.llmfleet.orchestrator.pipeline.PipelineTestBeans.CLOCK;
import static dev.llmfleet.orchestrator.pipeline.PipelineTestBeans.SCHEDULER;
import static dev.llmfleet.orchestrator.pipeline.PipelineTestBeans.TRAINER;

import dev.llmfleet.api.orchestrator.EvaluationItemResult;
import dev.llmfleet.api.orchestrator.EvaluationReport;
import dev.llmfleet.api.orchestrator.EvaluationSpec;
import dev.llmfleet.api.orchestrator.SuiteItem;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.orchestrator.curriculum.CurriculumService;
import dev.llmfleet.orchestrator.decision.DecisionLog;
import dev.llmfleet.starter.errors.ErrorReporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * One orchestrator on a real PostgreSQL with the fleet around it faked; the loop is off and tests
 * turn the pipeline by hand ({@link #turn()}). Subclasses share the context.
 */
@SpringBootTest(
        properties = {
            "fleet.registry.enabled=false",
            "fleet.security.enabled=false",
            "fleet.orchestrator.pipeline.enabled=false",
            "fleet.orchestrator.curriculum.active-skills=arithmetic",
            "fleet.orchestrator.curriculum.validation-size=10",
            "fleet.orchestrator.curriculum.batch-size=20",
            "fleet.orchestrator.coordinator.attempts=1",
            "fleet.orchestrator.coordinator.breaker-window=1000",
            "fleet.orchestrator.registry.sweep-interval=1h",
            "fleet.orchestrator.registry.flush-interval=1h",
            "fleet.orchestrator.twin.refresh-interval=1h",
            "fleet.orchestrator.twin.reconcile-interval=1h",
            "fleet.orchestrator.deployment.interval=1h"
        })
@AutoConfigureMockMvc
@Import(PipelineTestBeans.class)
abstract class PipelineTestBase {

    static final String HOST = "trainer-7";

    @MockitoBean
    ErrorReporter errors;

    @Autowired
    DataGenerator generator;

    @Autowired
    JobDiscovery discovery;

    @Autowired
    PipelineRunner runner;

    @Autowired
    EvaluationReports reports;

    @Autowired
    CandidateRanking ranking;

    @Autowired
    Promotions promotions;

    @Autowired
    PipelineRunRepository runs;

    @Autowired
    CandidateRepository candidates;

    @Autowired
    EvaluationRepository evaluations;

    @Autowired
    CurriculumService curriculum;

    @Autowired
    DecisionLog decisions;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyFleet() {
        PipelineTestBeans.reset();
        emptyTables(jdbc);
    }

    static void emptyTables(JdbcTemplate jdbc) {
        for (String table : List.of(
                "evaluation",
                "candidate",
                "pipeline_run",
                "evaluation_suite",
                "decision",
                "skill_evaluation",
                "skill_progress")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** One turn of the loop without generation: new jobs get runs, every due run moves on. */
    void turn() {
        discovery.discover();
        runner.advanceAll();
    }

    /** A job people queued, trained to completion on {@link #HOST}, its run now evaluating. */
    PipelineRun trainedAndEvaluating(String name, double trainLoss) {
        JobResponse job = TRAINER.uploadedByPeople(name, "arithmetic");
        turn();
        TRAINER.wrote(job.id(), 100, trainLoss + 0.5);
        TRAINER.wrote(job.id(), 200, trainLoss);
        SCHEDULER.move(job.id(), JobState.COMPLETED, HOST, "trained");
        turn();
        return run(job.id());
    }

    /** Trains, evaluates and reports a candidate: {@code right} of the 10 questions answered. */
    Candidate evaluated(String name, int right, double validationLoss, double trainLoss) {
        PipelineRun run = trainedAndEvaluating(name, trainLoss);
        reports.report(run.evaluationId(), answering(reports.spec(run.evaluationId()), right, validationLoss));
        return candidates.findById(run.candidateId()).orElseThrow();
    }

    /** A candidate evaluated, promoted, consolidated and deployed. */
    Candidate deployed(String name, int right, double validationLoss) {
        Candidate candidate = evaluated(name, right, validationLoss, validationLoss - 0.05);
        turn();
        String version = candidates.findById(candidate.id()).orElseThrow().version();
        PipelineTestBeans.DEPLOYMENTS.end(version, "DEPLOYED");
        turn();
        return candidates.findById(candidate.id()).orElseThrow();
    }

    PipelineRun run(UUID jobId) {
        return runs.findByJobId(jobId).orElseThrow();
    }

    PipelineRun runOf(Candidate candidate) {
        return runs.findById(candidate.runId()).orElseThrow();
    }

    static EvaluationReport answering(EvaluationSpec spec, int right, double validationLoss) {
        List<EvaluationItemResult> results = new ArrayList<>();
        for (int i = 0; i < spec.items().size(); i++) {
            SuiteItem item = spec.items().get(i);
            String answer = i < right ? " " + item.answer() + " " : "wrong";
            results.add(new EvaluationItemResult(i, answer, 0.5));
        }
        return new EvaluationReport(results, 200, null, validationLoss, 1234);
    }

    static void later(Duration duration) {
        CLOCK.advance(duration);
    }
}
