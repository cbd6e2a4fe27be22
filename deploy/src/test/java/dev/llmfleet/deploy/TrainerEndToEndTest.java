package dev.llmfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.scheduler.JobHistoryEntry;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.api.trainer.DatasetStatus;
import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.api.trainer.EvolutionSnapshot;
import dev.llmfleet.api.trainer.EvolutionSummary;
import dev.llmfleet.api.trainer.SnapshotInfo;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.api.trainer.TrainerState;
import dev.llmfleet.api.trainer.TrainerStatus;
import dev.llmfleet.orchestrator.CoreOrchestratorApplication;
import dev.llmfleet.scheduler.ResourceSchedulerApplication;
import dev.llmfleet.trainer.TrainerServiceApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small file dropped in {@code inbox/priority/} of the all-in-one fleet is validated, queued as
 * high priority, leased, trained, checkpointed, snapshotted and completed, and the status endpoint
 * and {@code control/state.json} show it all the way.
 */
class TrainerEndToEndTest {

    @TempDir
    static Path dataDir;

    static AllInOneFleet fleet;
    static TrainerClient trainer;
    static SchedulerClient scheduler;

    @BeforeAll
    static void startFleet() {
        fleet = AllInOneFleet.start(
                List.of(
                        CoreOrchestratorApplication.class,
                        ResourceSchedulerApplication.class,
                        TrainerServiceApplication.class),
                TrainerFleet.args(dataDir, "max-steps=12", "save-steps=3", "eval-steps=6"));
        trainer = TrainerFleet.trainer(fleet);
        scheduler = TrainerFleet.scheduler(fleet);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aPriorityInboxFileIsValidatedQueuedHighTrainedCheckpointedSnapshottedAndCompleted() throws IOException {
        Files.write(dataDir.resolve("trainer/inbox/priority/sums.jsonl"), TrainerFleet.additionChats(40, 0));
        List<TrainerStatus> fromApi = new ArrayList<>();
        List<TrainerStatus> fromFile = new ArrayList<>();

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    fromApi.add(trainer.status());
                    fromFile.add(TrainerFleet.stateFile(dataDir));
                    return datasetNamed("sums.jsonl")
                            .map(d -> d.status() == DatasetStatus.COMPLETED)
                            .orElse(false);
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> trainer.status().state() == TrainerState.IDLE);
        fromApi.add(trainer.status());
        fromFile.add(TrainerFleet.stateFile(dataDir));

        DatasetView dataset = datasetNamed("sums.jsonl").orElseThrow();
        assertThat(dataset.priority()).isEqualTo(JobPriority.HIGH);
        assertThat(dataset.requiredVramMb()).isPositive();
        JobResponse job = scheduler.get(dataset.jobId());
        assertThat(job.priority()).isEqualTo(JobPriority.HIGH);
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.payloadRef()).isEqualTo("sha256:" + dataset.sha256());
        assertThat(scheduler.history(job.id()))
                .extracting(JobHistoryEntry::toState)
                .containsSubsequence(JobState.QUEUED, JobState.LEASED, JobState.RUNNING, JobState.COMPLETED);

        assertThat(TrainerFleet.checkpoint(dataDir, job.id(), 12)).isDirectory();
        assertThat(TrainerFleet.trainedSteps(dataDir, job.id()))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);

        for (List<TrainerStatus> seen : List.of(fromApi, fromFile)) {
            assertThat(seen).anySatisfy(s -> {
                assertThat(s.state()).isEqualTo(TrainerState.TRAINING);
                assertThat(s.jobId()).isEqualTo(job.id());
                assertThat(s.step()).isBetween(1L, 11L);
                assertThat(s.totalSteps()).isEqualTo(12);
            });
            assertThat(seen.getLast().state()).isEqualTo(TrainerState.IDLE);
            assertThat(seen.getLast().step()).isEqualTo(12);
            assertThat(seen.getLast().checkpointStep()).isEqualTo(12);
            assertThat(seen.getLast().validationLoss()).isNotNull();
            assertThat(seen.getLast().gap()).isNotNull();
        }
        assertThat(trainer.status().lastEvent()).contains("completed");

        assertThat(trainer.snapshots(dataset.sha256()))
                .extracting(SnapshotInfo::step)
                .containsExactly(6L, 12L);
        EvolutionSnapshot last = trainer.snapshot(dataset.sha256(), 12);
        assertThat(last.total()).isEqualTo(4);
        assertThat(last.answers()).allSatisfy(a -> {
            assertThat(a.prompt()).startsWith("What is ");
            assertThat(a.loss()).isPositive();
        });
        EvolutionSummary summary = trainer.summary(dataset.sha256());
        assertThat(summary.steps()).containsExactly(6L, 12L);
        assertThat(summary.examples())
                .hasSize(4)
                .allSatisfy(e -> assertThat(e.correctBySnapshot()).hasSize(2));
        assertThat(trainer.snapshotDatasets())
                .anySatisfy(d -> assertThat(d.dataset()).isEqualTo(dataset.sha256()));

        String metrics = org.springframework.web.client.RestClient.create(fleet.baseUrl("trainer-service"))
                .get()
                .uri("/actuator/prometheus")
                .retrieve()
                .body(String.class);
        assertThat(metrics)
                .contains(
                        "fleet_trainer_step",
                        "fleet_trainer_loss",
                        "fleet_trainer_validation_loss",
                        "fleet_trainer_gap",
                        "fleet_trainer_tokens_per_second");
    }

    private static Optional<DatasetView> datasetNamed(String name) {
        return trainer.datasets().stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
