package dev.llmfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.scheduler.JobActionRequest;
import dev.llmfleet.api.scheduler.JobHistoryEntry;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.api.trainer.ControlAction;
import dev.llmfleet.api.trainer.DatasetStatus;
import dev.llmfleet.api.trainer.DatasetView;
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
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pause, resume, stop and skip during a real run, through REST and through signal files: each
 * finishes the batch, checkpoints and tells the scheduler; no step is trained twice or lost.
 */
class TrainerControlTest {

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
                TrainerFleet.args(dataDir, "max-steps=100000", "save-steps=100000", "eval-steps=100000"));
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
    void pauseResumeStopAndSkipActOnTheRunningJobAndLoseNoStep() throws IOException {
        byte[] content = String.join("\n", TrainerFleet.additionChats(30, 40)).getBytes();
        DatasetView uploaded =
                trainer.upload("control.jsonl", JobPriority.NORMAL, content).dataset();
        UUID job = uploaded.jobId();
        String sha = uploaded.sha256();
        TrainerStatus running = awaitStatus(s -> s.state() == TrainerState.TRAINING && s.step() >= 3);
        assertThat(running.jobId()).isEqualTo(job);

        long pausedAt = pauseBy(() -> trainer.control(ControlAction.PAUSE), job);
        resumeBy(() -> signal(ControlAction.RESUME), pausedAt);
        long pausedAgainAt = pauseBy(() -> signal(ControlAction.PAUSE), job);
        resumeBy(() -> trainer.control(ControlAction.RESUME), pausedAgainAt);

        signal(ControlAction.STOP);
        TrainerStatus stopped =
                awaitStatus(s -> s.state() == TrainerState.IDLE && s.lastEvent().startsWith("stopped"));
        assertThat(TrainerFleet.checkpoint(dataDir, job, stopped.step())).isDirectory();
        JobResponse resumable = scheduler.get(job);
        assertThat(resumable.state()).isEqualTo(JobState.PAUSED);
        assertThat(resumable.checkpointRef()).endsWith("step-%08d".formatted(stopped.step()));
        assertThat(trainer.dataset(sha).status()).isEqualTo(DatasetStatus.PAUSED);

        scheduler.resume(job, new JobActionRequest("test", "go on after the stop"));
        awaitStatus(s -> s.state() == TrainerState.TRAINING
                && stopped.step() == nullTo(s.resumedFromStep())
                && s.step() >= stopped.step() + 2);
        trainer.control(ControlAction.SKIP);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(scheduler.history(job))
                        .extracting(JobHistoryEntry::toState)
                        .contains(JobState.SKIPPED));
        assertThat(scheduler.get(job).priority())
                .as("skipped to the end of the LOW queue")
                .isEqualTo(JobPriority.LOW);
        TrainerStatus afterSkip = awaitStatus(s -> s.state() == TrainerState.TRAINING
                && s.resumedFromStep() != null
                && s.resumedFromStep() > stopped.step());

        scheduler.cancel(job, new JobActionRequest("test", "enough"));
        TrainerStatus idle =
                awaitStatus(s -> s.state() == TrainerState.IDLE && s.jobId().equals(job));
        List<Long> trained = TrainerFleet.trainedSteps(dataDir, job);
        assertThat(trained)
                .as("every step once, in order, across five runs of the job")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, trained.size()).boxed().toList());
        assertThat(trained.getLast()).isEqualTo(idle.step());
        assertThat(afterSkip.resumedFromStep()).isGreaterThan(pausedAgainAt);
    }

    /** Pauses and checks: the run stopped after its batch, checkpointed that step, and gave back its lease. */
    private long pauseBy(Runnable pause, UUID job) throws IOException {
        pause.run();
        TrainerStatus paused = awaitStatus(s -> s.state() == TrainerState.PAUSED);
        assertThat(paused.pausedJobId()).isEqualTo(job);
        assertThat(paused.checkpointStep()).isEqualTo(paused.step());
        assertThat(TrainerFleet.checkpoint(dataDir, job, paused.step())).isDirectory();
        assertThat(TrainerFleet.trainedSteps(dataDir, job).getLast()).isEqualTo(paused.step());
        JobResponse onScheduler = scheduler.get(job);
        assertThat(onScheduler.state()).isEqualTo(JobState.PAUSED);
        assertThat(onScheduler.leaseId()).as("the lease is released").isNull();
        assertThat(onScheduler.checkpointRef()).endsWith("step-%08d".formatted(paused.step()));
        return paused.step();
    }

    private void resumeBy(Runnable resume, long pausedAt) {
        resume.run();
        awaitStatus(s -> s.state() == TrainerState.TRAINING
                && nullTo(s.resumedFromStep()) == pausedAt
                && s.step() >= pausedAt + 2);
    }

    private static void signal(ControlAction action) {
        try {
            Files.createFile(dataDir.resolve("trainer/control").resolve(action.signalFileName()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !Files.exists(dataDir.resolve("trainer/control").resolve(action.signalFileName())));
    }

    private static TrainerStatus awaitStatus(Predicate<TrainerStatus> condition) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(trainer::status, condition);
    }

    private static long nullTo(Long value) {
        return value == null ? -1 : value;
    }
}
