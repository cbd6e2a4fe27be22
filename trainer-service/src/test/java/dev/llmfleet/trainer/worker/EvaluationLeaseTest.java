package dev.llmfleet.trainer.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.orchestrator.EvaluationItemResult;
import dev.llmfleet.api.orchestrator.EvaluationReport;
import dev.llmfleet.api.orchestrator.EvaluationSpec;
import dev.llmfleet.api.orchestrator.SuiteItem;
import dev.llmfleet.api.scheduler.DeviceInfo;
import dev.llmfleet.api.scheduler.FailJobRequest;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.starter.gpu.DeviceProbe;
import dev.llmfleet.starter.supervision.LoopSupervisor;
import dev.llmfleet.starter.supervision.SupervisedLoop;
import dev.llmfleet.trainer.TrainedRuns;
import dev.llmfleet.trainer.TrainerServiceApplication;
import dev.llmfleet.trainer.lifecycle.LifecycleFiles;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker taking EVALUATION leases from a stand-in scheduler and answering a stand-in
 * core-orchestrator, both real HTTP endpoints found through a stand-in registry.
 */
@SpringBootTest(
        classes = TrainerServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "fleet.registry.enabled=false",
            "fleet.security.enabled=false",
            "fleet.gpu.enabled=false",
            "fleet.trainer.inbox.enabled=false",
            "fleet.trainer.worker.enabled=true",
            "fleet.trainer.worker.poll-wait=1s",
            "fleet.trainer.worker.retry-delay=1s",
            "fleet.data-dir=" + EvaluationLeaseTest.DATA_DIR
        })
@Import(EvaluationLeaseTest.TwoDevices.class)
class EvaluationLeaseTest {

    static final String DATA_DIR = "target/evaluation-lease-test-data";
    static final StandInFleet fleet = StandInFleet.start();
    static final UUID JOB = UUID.randomUUID();
    static final String CHECKPOINT = "runs/" + JOB + "/checkpoints/step-00000020";
    static final Duration PATIENCE = Duration.ofSeconds(90);

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        registry.add("fleet.registry.url", fleet::url);
    }

    @Autowired
    MeterRegistry meters;

    @Autowired
    LoopSupervisor supervisor;

    @BeforeAll
    static void trainARun() throws IOException {
        TrainedRuns.train(trainerDir(), JOB, 20, 20);
    }

    @AfterAll
    static void stopTheStandIn() throws IOException {
        fleet.close();
        LifecycleFiles.deleteTree(trainerDir().resolve("runs").resolve(JOB.toString()));
    }

    @Test
    void anEvaluationLeaseIsAnsweredReportedToTheOrchestratorAndCompleted() {
        EvaluationSpec spec = spec(CHECKPOINT);
        fleet.serve(spec);

        Lease lease = fleet.lease(spec.id());

        await().atMost(PATIENCE).until(() -> fleet.completed.containsKey(lease.leaseId()));
        EvaluationReport report = fleet.reports.get(spec.id());
        assertThat(report).as("reported before the lease was completed").isNotNull();
        assertThat(report.results()).extracting(EvaluationItemResult::index).containsExactly(0, 1, 2);
        assertThat(report.results()).allSatisfy(r -> assertThat(r.answerLoss()).isFinite());
        assertThat(report.step()).isEqualTo(20);
        assertThat(report.trainLoss()).isNotNull();
        assertThat(fleet.completed.get(lease.leaseId()).summary()).isEqualTo("evaluated 3 questions");
        assertThat(fleet.failed).doesNotContainKey(lease.leaseId());
        assertThat(fleet.heartbeats.get(lease.leaseId())).as("heartbeats").isNotNull();
        assertThat(meters.timer("fleet.trainer.evaluations", "outcome", "completed")
                        .count())
                .isPositive();
    }

    @Test
    void theWorkerGivesBackTheLeasesOfItsLastLifeBeforeItPollsThenPollsEachDeviceOnItsOwn() {
        await().atMost(PATIENCE).until(() -> fleet.polledDevices.size() == 2);

        assertThat(fleet.released).as("hosts that announced a restart").containsExactly("localhost");
        assertThat(fleet.polledBeforeRelease).isFalse();
        assertThat(fleet.polledDevices).containsExactlyInAnyOrder("cpu-0", "cpu-1");
        // each device's worker runs supervised: a crash would be reported and the worker started again
        assertThat(supervisor.statuses())
                .filteredOn(status -> status.name().startsWith("trainer-worker-"))
                .extracting(SupervisedLoop.Status::name, SupervisedLoop.Status::state)
                .containsExactlyInAnyOrder(
                        tuple("trainer-worker-cpu-0", SupervisedLoop.State.RUNNING),
                        tuple("trainer-worker-cpu-1", SupervisedLoop.State.RUNNING));
    }

    @Test
    void eachDeviceWorksItsOwnLeaseAtTheSameTimeAsTheOther() {
        EvaluationSpec first = spec(CHECKPOINT);
        EvaluationSpec second = spec(CHECKPOINT);
        fleet.serve(first);
        fleet.serve(second);
        fleet.holdSpecUntilRequested(first.id(), second.id());

        Lease onFirstDevice = fleet.lease(first.id(), "cpu-0");
        Lease onSecondDevice = fleet.lease(second.id(), "cpu-1");

        await().atMost(PATIENCE)
                .until(() -> fleet.completed.containsKey(onFirstDevice.leaseId())
                        && fleet.completed.containsKey(onSecondDevice.leaseId()));
        assertThat(fleet.heldSpecReleased.get(first.id()))
                .as("the second device's evaluation started while the first's was in progress")
                .isTrue();
    }

    @Test
    void aMissingCheckpointFailsTheJobForGoodWithTheReasonAndReportsNothing() {
        EvaluationSpec spec = spec("runs/" + UUID.randomUUID() + "/checkpoints/step-00000020");
        fleet.serve(spec);

        Lease lease = fleet.lease(spec.id());

        await().atMost(PATIENCE).until(() -> fleet.failed.containsKey(lease.leaseId()));
        FailJobRequest failure = fleet.failed.get(lease.leaseId());
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.reason()).contains(spec.checkpoint()).contains("does not exist on this host");
        assertThat(fleet.reports).doesNotContainKey(spec.id());
        assertThat(fleet.completed).doesNotContainKey(lease.leaseId());
    }

    @Test
    void anOrchestratorThatCannotAnswerTheSpecFailsTheJobForARetry() {
        UUID evaluation = UUID.randomUUID();
        fleet.failSpec(evaluation, 503);

        Lease lease = fleet.lease(evaluation);

        await().atMost(PATIENCE).until(() -> fleet.failed.containsKey(lease.leaseId()));
        FailJobRequest failure = fleet.failed.get(lease.leaseId());
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.reason()).contains("cannot fetch evaluation " + evaluation + " from core-orchestrator");
        assertThat(fleet.reports).doesNotContainKey(evaluation);
    }

    /** The host reports two devices, so it runs two workers. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TwoDevices {
        @Bean
        @Primary
        DeviceProbe twoCpuDevices() {
            return new DeviceProbe(List.of("false"), Duration.ofSeconds(1), "localhost", 1024) {
                @Override
                public List<DeviceInfo> probe() {
                    return List.of(
                            new DeviceInfo(0, "cpu-0", "CPU", 1024, 1024, null, null),
                            new DeviceInfo(1, "cpu-1", "CPU", 1024, 1024, null, null));
                }
            };
        }
    }

    private static EvaluationSpec spec(String checkpoint) {
        List<SuiteItem> items = List.of(
                new SuiteItem("arithmetic", 1, null, "What is 3+4?", "7"),
                new SuiteItem("arithmetic", 1, null, "What is 1+2?", "3"),
                new SuiteItem("arithmetic", 1, null, "What is 5+5?", "10"));
        return new EvaluationSpec(UUID.randomUUID(), checkpoint, List.of("arithmetic/1@1"), items, 4);
    }

    private static Path trainerDir() {
        return Path.of(DATA_DIR, "trainer").toAbsolutePath().normalize();
    }
}
