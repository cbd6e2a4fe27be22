package dev.llmfleet.orchestrator.pipeline;

import static dev.llmfleet.orchestrator.pipeline.PipelineTestBeans.DEPLOYMENTS;
import static dev.llmfleet.orchestrator.pipeline.PipelineTestBeans.LIFECYCLE;
import static dev.llmfleet.orchestrator.pipeline.PipelineTestBeans.SCHEDULER;
import static dev.llmfleet.orchestrator.pipeline.PipelineTestBeans.TRAINER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.orchestrator.CoreOrchestratorApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The orchestrator stops while runs are half-way through a step and starts again on the same
 * database: each run resumes at its step, and nothing the stopped one made (an evaluation job, a
 * version) is made a second time, even when the answer to making it was lost.
 */
class PipelineRestartTest {

    static final String HOST = PipelineTestBase.HOST;

    @BeforeEach
    void emptyFleet() {
        PipelineTestBeans.reset();
    }

    @Test
    void resumesAnEvaluatingRunWithoutSubmittingASecondEvaluationJob() {
        UUID job;
        try (ConfigurableApplicationContext before = startEmpty()) {
            job = completedTrainingJob(before);
            assertThat(run(before, job).step()).isEqualTo(PipelineStep.EVALUATING);
            assertThat(SCHEDULER.submitted).hasSize(1);
        }

        try (ConfigurableApplicationContext after = start()) {
            turn(after);
            turn(after);
            PipelineRun run = run(after, job);
            assertThat(run.step()).isEqualTo(PipelineStep.EVALUATING);
            assertThat(SCHEDULER.submitted).hasSize(1);

            EvaluationReports reports = after.getBean(EvaluationReports.class);
            reports.report(run.evaluationId(), PipelineTestBase.answering(reports.spec(run.evaluationId()), 8, 1.0));
            turn(after);
            assertThat(run(after, job).step()).isEqualTo(PipelineStep.DEPLOYING);
        }
    }

    @Test
    void findsAnEvaluationJobWhoseSubmissionAnswerWasLostInsteadOfSubmittingAnother() {
        UUID job;
        try (ConfigurableApplicationContext before = startEmpty()) {
            SCHEDULER.loseNextAnswer = true;
            job = completedTrainingJob(before);
            PipelineRun run = run(before, job);
            assertThat(run.step()).isEqualTo(PipelineStep.EVALUATING);
            assertThat(run.lastError()).contains("scheduler");
        }

        PipelineTestBase.later(Duration.ofSeconds(5));
        try (ConfigurableApplicationContext after = start()) {
            turn(after);
            PipelineRun run = run(after, job);
            List<JobResponse> evaluationJobs = SCHEDULER.jobs(JobKind.EVALUATION);
            assertThat(evaluationJobs).singleElement().satisfies(evaluationJob -> {
                assertThat(evaluationJob.payloadRef()).isEqualTo("evaluation:" + run.evaluationId());
                assertThat(after.getBean(EvaluationRepository.class)
                                .findById(run.evaluationId())
                                .orElseThrow()
                                .jobId())
                        .isEqualTo(evaluationJob.id());
            });
            assertThat(run.lastError()).isNull();
        }
    }

    @Test
    void resumesAPromotingRunWithTheVersionItsLostConsolidationMade() {
        UUID job;
        try (ConfigurableApplicationContext before = startEmpty()) {
            job = completedTrainingJob(before);
            EvaluationReports reports = before.getBean(EvaluationReports.class);
            UUID evaluation = run(before, job).evaluationId();
            reports.report(evaluation, PipelineTestBase.answering(reports.spec(evaluation), 9, 1.0));
            LIFECYCLE.loseNextAnswer = true;
            turn(before);
            assertThat(run(before, job).step()).isEqualTo(PipelineStep.PROMOTING);
            assertThat(LIFECYCLE.versions()).hasSize(1);
        }

        PipelineTestBase.later(Duration.ofSeconds(5));
        try (ConfigurableApplicationContext after = start()) {
            turn(after);

            assertThat(run(after, job).step()).isEqualTo(PipelineStep.DEPLOYING);
            assertThat(LIFECYCLE.consolidations).hasSize(1);
            assertThat(LIFECYCLE.versions()).hasSize(1);
            assertThat(DEPLOYMENTS.started())
                    .singleElement()
                    .satisfies(d -> assertThat(d.version()).isEqualTo("v001"));
            assertThat(after.getBean(CandidateRepository.class)
                            .findById(run(after, job).candidateId())
                            .orElseThrow()
                            .version())
                    .isEqualTo("v001");
        }
    }

    /** A job people queued, completed on {@link #HOST}, its checkpoint written; the pipeline turned twice. */
    private static UUID completedTrainingJob(ConfigurableApplicationContext context) {
        JobResponse job = TRAINER.uploadedByPeople("people.jsonl", "arithmetic");
        turn(context);
        TRAINER.wrote(job.id(), 300, 0.9);
        SCHEDULER.move(job.id(), JobState.COMPLETED, HOST, "trained");
        turn(context);
        return job.id();
    }

    private static void turn(ConfigurableApplicationContext context) {
        context.getBean(JobDiscovery.class).discover();
        context.getBean(PipelineRunner.class).advanceAll();
    }

    private static PipelineRun run(ConfigurableApplicationContext context, UUID job) {
        return context.getBean(PipelineRunRepository.class).findByJobId(job).orElseThrow();
    }

    /** The first orchestrator of a test, on empty tables. */
    private static ConfigurableApplicationContext startEmpty() {
        ConfigurableApplicationContext context = start();
        PipelineTestBase.emptyTables(context.getBean(JdbcTemplate.class));
        return context;
    }

    private static ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>();
        for (String property :
                PipelineTestBase.class.getAnnotation(SpringBootTest.class).properties()) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(CoreOrchestratorApplication.class, PipelineTestBeans.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }
}
