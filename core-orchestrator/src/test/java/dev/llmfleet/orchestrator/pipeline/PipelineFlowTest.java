package dev.llmfleet.orchestrator.pipeline;

import static dev.llmfleet.orchestrator.pipeline.PipelineTestBeans.CLOCK;
import static dev.llmfleet.orchestrator.pipeline.PipelineTestBeans.DEPLOYMENTS;
import static dev.llmfleet.orchestrator.pipeline.PipelineTestBeans.LIFECYCLE;
import static dev.llmfleet.orchestrator.pipeline.PipelineTestBeans.SCHEDULER;
import static dev.llmfleet.orchestrator.pipeline.PipelineTestBeans.TRAINER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.api.orchestrator.CandidateView;
import dev.llmfleet.api.orchestrator.CurriculumEvaluation;
import dev.llmfleet.api.orchestrator.DecisionView;
import dev.llmfleet.api.orchestrator.DeploymentView;
import dev.llmfleet.api.orchestrator.PromoteRequest;
import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.SubmitJobRequest;
import dev.llmfleet.orchestrator.coordinator.CoordinatorException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PipelineFlowTest extends PipelineTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void generatesABatchForEachActiveSkillWhenFewerThanTwoTrainingJobsWait() {
        TRAINER.uploadedByPeople("people.jsonl", "arithmetic");
        SCHEDULER.add(JobKind.EVALUATION, "evaluation:elsewhere", HOST);

        generator.generateIfNeeded();

        assertThat(TRAINER.uploads).containsExactly("curriculum-arithmetic-L1-1.jsonl");
        JobResponse generatedJob = SCHEDULER.jobs(JobKind.TRAINING).getLast();
        PipelineRun run = run(generatedJob.id());
        assertThat(run.datasetName()).isEqualTo("curriculum-arithmetic-L1-1.jsonl");
        assertThat(run.toApi().skill()).isEqualTo("arithmetic");
        assertThat(run.toApi().level()).isEqualTo(1);
        assertThat(run.step()).isEqualTo(PipelineStep.TRAINING);
        assertThat(decisions.recent("GENERATE", 10))
                .singleElement()
                .satisfies(d -> assertThat(d.reasons()).anyMatch(r -> r.contains("1 TRAINING jobs queued")));

        generator.generateIfNeeded();
        assertThat(TRAINER.uploads).hasSize(1);
    }

    @Test
    void generatesASkillsNextFileOnlyOnceTheRunOfItsLastFileHasBeenJudgedAndItsCandidateDeployed() {
        generator.generateIfNeeded();
        JobResponse first = SCHEDULER.jobs(JobKind.TRAINING).getLast();
        turn();
        SCHEDULER.move(first.id(), JobState.RUNNING, HOST, "leased");

        generator.generateIfNeeded();
        assertThat(TRAINER.uploads)
                .as("nothing waits, but the last file still trains")
                .hasSize(1);

        TRAINER.wrote(first.id(), 200, 0.2);
        SCHEDULER.move(first.id(), JobState.COMPLETED, HOST, "trained");
        turn();
        generator.generateIfNeeded();
        assertThat(TRAINER.uploads).as("its candidate is being evaluated").hasSize(1);

        PipelineRun run = run(first.id());
        reports.report(run.evaluationId(), answering(reports.spec(run.evaluationId()), 9, 0.3));
        turn();
        assertThat(run(first.id()).step()).isEqualTo(PipelineStep.DEPLOYING);
        generator.generateIfNeeded();
        assertThat(TRAINER.uploads)
                .as("its candidate won and is being deployed")
                .hasSize(1);

        DEPLOYMENTS.end(run(first.id()).toApi().version(), "DEPLOYED");
        turn();
        assertThat(run(first.id()).step()).isEqualTo(PipelineStep.DONE);
        generator.generateIfNeeded();
        assertThat(TRAINER.uploads)
                .containsExactly("curriculum-arithmetic-L1-1.jsonl", "curriculum-arithmetic-L1-2.jsonl");
    }

    @Test
    void generatesNothingWhileTwoTrainingJobsWait() {
        TRAINER.uploadedByPeople("a.jsonl", "arithmetic");
        TRAINER.uploadedByPeople("b.jsonl", "arithmetic");

        generator.generateIfNeeded();

        assertThat(TRAINER.uploads).isEmpty();
    }

    @Test
    void generatesNothingWhileTheSchedulerCannotSayHowManyWait() {
        SCHEDULER.down = true;

        assertThatThrownBy(generator::generateIfNeeded).isInstanceOf(CoordinatorException.class);

        assertThat(TRAINER.uploads).isEmpty();
        assertThat(runs.count()).isZero();
    }

    @Test
    void evaluatesACompletedTrainingJobOnItsHostAndScoresItsReport() {
        PipelineRun run = trainedAndEvaluating("people.jsonl", 1.2);

        assertThat(run.step()).isEqualTo(PipelineStep.EVALUATING);
        SubmitJobRequest submitted = SCHEDULER.submitted.getLast();
        assertThat(submitted.kind()).isEqualTo(JobKind.EVALUATION);
        assertThat(submitted.payloadRef()).isEqualTo("evaluation:" + run.evaluationId());
        assertThat(submitted.host()).isEqualTo(HOST);
        assertThat(submitted.requiredVramMb()).isEqualTo(512);
        assertThat(submitted.submittedBy()).isEqualTo("core-orchestrator");

        var spec = reports.spec(run.evaluationId());
        assertThat(spec.checkpoint()).isEqualTo("runs/" + run.jobId() + "/checkpoints/step-00000200");
        assertThat(spec.suites()).containsExactly("arithmetic/1@1");
        assertThat(spec.maxNewTokens()).isEqualTo(16);
        assertThat(spec.items())
                .extracting(i -> i.prompt())
                .containsExactlyElementsOf(curriculum.validationSuite("arithmetic", 1).stream()
                        .map(e -> e.prompt())
                        .toList());

        reports.report(run.evaluationId(), answering(spec, 7, 1.5));

        CandidateView candidate = ranking.candidate(run(run.jobId()).candidateId());
        assertThat(candidate.accuracy()).isEqualTo(0.7);
        assertThat(candidate.accuracyBySkillLevel()).containsExactly(java.util.Map.entry("arithmetic/1", 0.7));
        assertThat(candidate.validationLoss()).isEqualTo(1.5);
        assertThat(candidate.trainLoss()).isEqualTo(1.2);
        assertThat(candidate.gap()).isCloseTo(0.3, within(1e-9));
        assertThat(candidate.score()).isCloseTo(0.7 - 0.15 - 0.03, within(1e-9));
        assertThat(candidate.state()).isEqualTo("EVALUATED");
        assertThat(curriculum.history("arithmetic")).singleElement().satisfies(e -> {
            assertThat(e.accuracy()).isEqualTo(0.7);
            assertThat(e.level()).isEqualTo(1);
            assertThat(e.source()).isEqualTo(candidate.id().toString());
        });

        turn();
        assertThat(run(run.jobId()).step()).isEqualTo(PipelineStep.DEPLOYING);
    }

    @Test
    void advancesTheSkillWhenEnoughCandidatesPassAndRecordsWhy() {
        evaluated("a.jsonl", 9, 1.0, 1.0);
        evaluated("b.jsonl", 8, 1.0, 1.0);
        evaluated("c.jsonl", 10, 1.0, 1.0);

        assertThat(curriculum.state("arithmetic").level()).isEqualTo(2);
        assertThat(decisions.recent("ADVANCE", 10))
                .singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo("level 1 -> 2"));
        assertThat(curriculum.history("arithmetic"))
                .extracting(CurriculumEvaluation::advancedTo)
                .containsExactly(null, null, 2);
    }

    @Test
    void ranksCandidatesByTheCompositeScoreNotByAccuracyAlone() {
        Candidate accurateButOverfit = evaluated("a.jsonl", 9, 2.0, 1.0);
        Candidate balanced = evaluated("b.jsonl", 8, 1.0, 1.0);
        Candidate weak = evaluated("c.jsonl", 3, 1.1, 1.1);

        List<CandidateView> ranked = ranking.ranked();

        // 0.8 - 0.1*1.0 = 0.70 ; 0.9 - 0.1*2.0 - 0.1*1.0 = 0.60 ; 0.3 - 0.11 = 0.19
        assertThat(ranked)
                .extracting(CandidateView::id)
                .containsExactly(balanced.id(), accurateButOverfit.id(), weak.id());
        assertThat(ranked).extracting(CandidateView::rank).containsExactly(1, 2, 3);
        assertThat(ranked.getFirst().score()).isCloseTo(0.7, within(1e-9));
        assertThat(ranked.get(1).score()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void rejectsARegressionWithoutConsolidatingOrDeployingItAndRaisesIt() {
        deployed("first.jsonl", 5, 1.0);
        assertThat(LIFECYCLE.consolidations).hasSize(1);

        Candidate regressed = evaluated("second.jsonl", 9, 1.2, 1.0);
        turn();

        assertThat(runOf(regressed).step()).isEqualTo(PipelineStep.REJECTED);
        CandidateView view = ranking.candidate(regressed.id());
        assertThat(view.regression()).isTrue();
        assertThat(view.state()).isEqualTo("REJECTED");
        assertThat(LIFECYCLE.consolidations).hasSize(1);
        assertThat(DEPLOYMENTS.started()).hasSize(1);
        assertThat(decisions.recent("REGRESSION", 10))
                .singleElement()
                .satisfies(d -> assertThat(d.reasons().getFirst()).contains("1.2000", "15%", "1.0000"));
        verify(errors).event(eq(Severity.WARNING), eq("candidate-regression"), anyString());
        assertThatThrownBy(() -> promotions.promote(new PromoteRequest(regressed.id(), null, false), "alice"))
                .isInstanceOf(PromotionRefusedException.class)
                .hasMessageContaining("regression");
    }

    @Test
    void consolidatesOnceAndDeploysACandidateThatBeatsTheDeployedOne() {
        Candidate first = deployed("first.jsonl", 5, 1.0);
        assertThat(first.state()).isEqualTo(CandidateState.DEPLOYED);

        Candidate better = evaluated("second.jsonl", 8, 0.95, 0.9);
        turn();

        assertThat(runOf(better).step()).isEqualTo(PipelineStep.DEPLOYING);
        assertThat(LIFECYCLE.consolidations).hasSize(2).last().satisfies(request -> {
            assertThat(request.sourceCheckpoint()).isEqualTo(better.checkpoint());
            assertThat(request.evaluation()).containsEntry("accuracy", 0.8).containsEntry("accuracy/arithmetic/1", 0.8);
            assertThat(request.metrics()).containsEntry("step", 200.0).containsEntry("trainLoss", 0.9);
            assertThat(request.createdBy()).isEqualTo("orchestrator");
        });
        DeploymentView deployment = DEPLOYMENTS.started().getLast();
        assertThat(deployment.version()).isEqualTo("v002");
        assertThat(deployment.requestedBy()).isEqualTo("orchestrator");
        assertThat(decisions.about(CandidateScorer.subject(better.id())))
                .filteredOn(d -> d.kind().equals("PROMOTE"))
                .singleElement()
                .satisfies(d -> assertThat(String.join("\n", d.reasons())).contains("0.7000", "0.3950", "v001"));

        DEPLOYMENTS.end("v002", "DEPLOYED");
        turn();
        turn();

        assertThat(runOf(better).step()).isEqualTo(PipelineStep.DONE);
        assertThat(candidates.findById(better.id()).orElseThrow().state()).isEqualTo(CandidateState.DEPLOYED);
        assertThat(candidates.findById(first.id()).orElseThrow().state()).isEqualTo(CandidateState.PROMOTED);
        assertThat(LIFECYCLE.consolidations).hasSize(2);
        assertThat(DEPLOYMENTS.started()).hasSize(2);
        assertThat(decisions.recent("DEPLOY", 10)).hasSize(2);
    }

    @Test
    void rejectsACandidateThatDoesNotBeatTheDeployedOne() {
        deployed("first.jsonl", 6, 1.0);

        Candidate worse = evaluated("second.jsonl", 5, 1.05, 1.0);
        turn();

        assertThat(runOf(worse).step()).isEqualTo(PipelineStep.DONE);
        assertThat(candidates.findById(worse.id()).orElseThrow().state()).isEqualTo(CandidateState.REJECTED);
        assertThat(LIFECYCLE.consolidations).hasSize(1);
        assertThat(decisions.recent("REJECT", 10)).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo("does not beat deployed v001");
            assertThat(String.join("\n", d.reasons())).contains("0.3900", "0.4950");
        });
    }

    @Test
    void measuresTheDeployedModelOnTheNewSuitesBeforeJudgingACandidateOfAHigherLevel() {
        Candidate first = deployed("first.jsonl", 9, 1.0);
        for (int i = 0; i < 2; i++) {
            curriculum.recordEvaluation("arithmetic", 1, 1.0, "earlier-" + i);
        }
        assertThat(curriculum.state("arithmetic").level()).isEqualTo(2);

        Candidate levelTwo = evaluated("second.jsonl", 6, 1.4, 1.3);
        assertThat(levelTwo.suites())
                .as("every level up to the current one, so that forgetting shows")
                .isEqualTo("arithmetic/1@1,arithmetic/2@1");
        turn();

        assertThat(runOf(levelTwo).step()).isEqualTo(PipelineStep.JUDGING);
        Evaluation baseline = evaluations
                .findByCheckpointAndSuitesOrderByCreatedAtDesc(first.checkpoint(), "arithmetic/1@1,arithmetic/2@1")
                .getFirst();
        assertThat(baseline.purpose()).isEqualTo(EvaluationPurpose.BASELINE);
        assertThat(SCHEDULER.submitted.getLast().payloadRef()).isEqualTo("evaluation:" + baseline.id());
        assertThat(SCHEDULER.submitted.getLast().host()).isEqualTo(HOST);
        turn();
        assertThat(SCHEDULER.submitted.stream().filter(s -> s.payloadRef().equals("evaluation:" + baseline.id())))
                .hasSize(1);

        reports.report(baseline.id(), answering(reports.spec(baseline.id()), 2, 1.6));
        turn();

        assertThat(runOf(levelTwo).step()).isEqualTo(PipelineStep.DEPLOYING);
        assertThat(candidates.findById(first.id()).orElseThrow().accuracy())
                .as("the deployed candidate keeps the scores of its own evaluation")
                .isEqualTo(0.9);
        assertThat(decisions.about(CandidateScorer.subject(levelTwo.id())))
                .filteredOn(d -> d.kind().equals("PROMOTE"))
                .singleElement()
                .satisfies(d ->
                        assertThat(String.join("\n", d.reasons())).contains("arithmetic/1@1,arithmetic/2@1", "v001"));
    }

    @Test
    void keepsARunAtItsStepWithABackOffWhileTheTrainerIsUnreachable() {
        JobResponse job = TRAINER.uploadedByPeople("people.jsonl", "arithmetic");
        turn();
        TRAINER.wrote(job.id(), 200, 1.0);
        SCHEDULER.move(job.id(), JobState.COMPLETED, HOST, "trained");
        TRAINER.down = true;

        turn();

        PipelineRun waiting = run(job.id());
        assertThat(waiting.step()).isEqualTo(PipelineStep.EVALUATING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("trainer");
        assertThat(waiting.waitingUntil()).isEqualTo(CLOCK.instant().plusSeconds(5));

        turn();
        assertThat(run(job.id()).attempts())
                .as("not tried again before its time")
                .isEqualTo(1);

        later(Duration.ofSeconds(5));
        turn();
        assertThat(run(job.id()).attempts()).isEqualTo(2);
        assertThat(run(job.id()).waitingUntil()).isEqualTo(CLOCK.instant().plusSeconds(10));

        TRAINER.down = false;
        later(Duration.ofSeconds(10));
        turn();

        PipelineRun resumed = run(job.id());
        assertThat(resumed.step()).isEqualTo(PipelineStep.EVALUATING);
        assertThat(resumed.evaluationId()).isNotNull();
        assertThat(resumed.lastError()).isNull();
        assertThat(resumed.waitingUntil()).isNull();
        assertThat(SCHEDULER.submitted)
                .singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo(JobKind.EVALUATION));
    }

    @Test
    void keepsARunTrainingWhileTheSchedulerIsUnreachableAndGoesOnWhenItAnswers() {
        JobResponse job = TRAINER.uploadedByPeople("people.jsonl", "arithmetic");
        turn();
        TRAINER.wrote(job.id(), 200, 1.0);
        SCHEDULER.move(job.id(), JobState.COMPLETED, HOST, "trained");
        SCHEDULER.down = true;

        runner.advanceAll();

        assertThat(run(job.id()).step()).isEqualTo(PipelineStep.TRAINING);
        assertThat(run(job.id()).lastError()).contains("scheduler");
        assertThat(run(job.id()).waitingUntil()).isAfter(CLOCK.instant());

        SCHEDULER.down = false;
        later(Duration.ofSeconds(5));
        turn();

        assertThat(run(job.id()).step()).isEqualTo(PipelineStep.EVALUATING);
        assertThat(run(job.id()).evaluationId()).isNotNull();
    }

    @Test
    void endsTheRunFailedWithTheReasonWhenItsTrainingJobFails() {
        JobResponse job = TRAINER.uploadedByPeople("people.jsonl", "arithmetic");
        turn();
        SCHEDULER.move(job.id(), JobState.FAILED, HOST, "out of memory (no attempts left, 3 of 3)");

        turn();

        PipelineRun failed = run(job.id());
        assertThat(failed.step()).isEqualTo(PipelineStep.FAILED);
        assertThat(failed.lastError()).contains("FAILED", "out of memory");
        assertThat(decisions.recent("FAIL", 10))
                .singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo("failed at TRAINING"));
    }

    @Test
    void endsTheRunFailedWhenItsEvaluationJobFailsForGood() {
        PipelineRun run = trainedAndEvaluating("people.jsonl", 1.0);
        UUID evaluationJob =
                evaluations.findById(run.evaluationId()).orElseThrow().jobId();
        SCHEDULER.move(evaluationJob, JobState.FAILED, HOST, "checkpoint unreadable");

        turn();

        PipelineRun failed = run(run.jobId());
        assertThat(failed.step()).isEqualTo(PipelineStep.FAILED);
        assertThat(failed.lastError()).contains("evaluation", "checkpoint unreadable");
        assertThat(candidates.findById(run.candidateId()).orElseThrow().state()).isEqualTo(CandidateState.REJECTED);
    }

    @Test
    void promotesACandidateAnOperatorPicksEvenIfItDoesNotBeatTheDeployedOne() {
        deployed("first.jsonl", 6, 1.0);
        Candidate picked = evaluated("second.jsonl", 5, 1.05, 1.0);
        turn();
        assertThat(runOf(picked).step()).isEqualTo(PipelineStep.DONE);

        DecisionView decision =
                promotions.promote(new PromoteRequest(picked.id(), "wanted for the demo", false), "alice");
        turn();

        assertThat(decision.kind()).isEqualTo("PROMOTE");
        assertThat(decision.actor()).isEqualTo("alice");
        assertThat(decision.reasons().getFirst()).contains("alice", "wanted for the demo");
        assertThat(LIFECYCLE.consolidations.getLast().createdBy()).isEqualTo("alice");
        assertThat(DEPLOYMENTS.started().getLast().requestedBy()).isEqualTo("alice");
        assertThat(DEPLOYMENTS.started().getLast().version()).isEqualTo("v002");
        assertThat(runOf(picked).step()).isEqualTo(PipelineStep.DEPLOYING);
    }

    @Test
    void promotesARegressionOnlyWhenForced() {
        deployed("first.jsonl", 5, 1.0);
        Candidate regressed = evaluated("second.jsonl", 9, 1.3, 1.0);
        turn();

        promotions.promote(new PromoteRequest(regressed.id(), "I know", true), "alice");
        turn();

        assertThat(DEPLOYMENTS.started().getLast().version()).isEqualTo("v002");
        assertThat(LIFECYCLE.consolidations.getLast().sourceCheckpoint()).isEqualTo(regressed.checkpoint());
    }

    @Test
    void countsRunsByStepAndEvaluationsAndShowsTheBestScore() {
        double reportedBefore = meters.counter("fleet.orchestrator.evaluations", "outcome", "reported")
                .count();

        evaluated("a.jsonl", 9, 1.0, 1.0);
        trainedAndEvaluating("b.jsonl", 1.0);

        assertThat(meters.get("fleet.orchestrator.pipeline.runs")
                        .tag("step", "EVALUATING")
                        .gauge()
                        .value())
                .as("the second run; the first moved on when the pipeline turned for the second")
                .isEqualTo(1);
        assertThat(meters.get("fleet.orchestrator.pipeline.runs")
                        .tag("step", "DEPLOYING")
                        .gauge()
                        .value())
                .isEqualTo(1);
        assertThat(meters.get("fleet.orchestrator.pipeline.runs")
                        .tag("step", "DONE")
                        .gauge()
                        .value())
                .isZero();
        assertThat(meters.counter("fleet.orchestrator.evaluations", "outcome", "reported")
                                .count()
                        - reportedBefore)
                .isEqualTo(1);
        assertThat(meters.get("fleet.orchestrator.candidates.best.score")
                        .gauge()
                        .value())
                .isCloseTo(0.8, within(1e-9));
    }

    @Test
    void judgesACandidateOnlyOnceTheDeploymentInProgressHasEnded() {
        Candidate first = evaluated("first.jsonl", 5, 1.0, 0.95);
        turn();
        assertThat(runOf(first).step()).isEqualTo(PipelineStep.DEPLOYING);

        Candidate second = evaluated("second.jsonl", 6, 1.0, 0.95);
        turn();
        assertThat(runOf(second).step())
                .as("judged against what the running deployment leaves, not before")
                .isEqualTo(PipelineStep.JUDGING);

        DEPLOYMENTS.end("v001", "DEPLOYED");
        turn();

        assertThat(runOf(first).step()).isEqualTo(PipelineStep.DONE);
        assertThat(runOf(second).step()).isEqualTo(PipelineStep.DEPLOYING);
        assertThat(decisions.about(CandidateScorer.subject(second.id())))
                .filteredOn(d -> d.kind().equals("PROMOTE"))
                .singleElement()
                .satisfies(d -> assertThat(String.join("\n", d.reasons())).contains("deployed v001"));
    }

    @Test
    void marksACandidateRolledBackWhenItsDeploymentIsRolledBack() {
        Candidate candidate = evaluated("first.jsonl", 7, 1.0, 0.95);
        turn();

        DEPLOYMENTS.end("v001", "ROLLED_BACK");
        turn();

        assertThat(runOf(candidate).step()).isEqualTo(PipelineStep.DONE);
        assertThat(ranking.candidate(candidate.id()).state()).isEqualTo("ROLLED_BACK");
        assertThat(ranking.candidate(candidate.id()).version()).isEqualTo("v001");
        assertThat(decisions.recent("ROLLBACK", 10))
                .singleElement()
                .satisfies(d -> assertThat(d.subject()).isEqualTo(CandidateScorer.subject(candidate.id())));
    }

    @Test
    void endsTheRunFailedWhenItsDeploymentFails() {
        Candidate candidate = evaluated("first.jsonl", 7, 1.0, 0.95);
        turn();

        DEPLOYMENTS.end("v001", "FAILED");
        turn();

        assertThat(runOf(candidate).step()).isEqualTo(PipelineStep.FAILED);
        assertThat(runOf(candidate).lastError()).contains("v001", "failed");
    }
}
