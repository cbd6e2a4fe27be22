package dev.llmfleet.trainer.lifecycle.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.lifecycle.CheckpointPinRequest;
import dev.llmfleet.api.lifecycle.CheckpointPinRequest.PinKind;
import dev.llmfleet.api.lifecycle.ConsolidateRequest;
import dev.llmfleet.api.lifecycle.ConsolidationResult;
import dev.llmfleet.api.lifecycle.ConsolidationStep;
import dev.llmfleet.api.lifecycle.RetentionReport;
import dev.llmfleet.trainer.lifecycle.ConsolidationFaults;
import dev.llmfleet.trainer.lifecycle.LifecycleFixtures;
import dev.llmfleet.trainer.lifecycle.LifecycleTest;
import dev.llmfleet.trainer.lifecycle.versions.ConsolidationService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@LifecycleTest
class CheckpointRetentionTest {

    @Autowired
    CheckpointRetention retention;

    @Autowired
    CheckpointPins pins;

    @Autowired
    ConsolidationService consolidation;

    @Autowired
    ConsolidationFaults.Injector faults;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CheckpointReaders readers;

    @Autowired
    ScheduledRetention scheduled;

    @Autowired
    dev.llmfleet.trainer.storage.TrainerPaths trainerPaths;

    List<Path> steps = new ArrayList<>();

    /** Six checkpoints, step 2 the best: keep-last 2 alone would remove steps 1, 3 and 4. */
    @BeforeEach
    void aRunWithSixCheckpoints() throws IOException {
        LifecycleFixtures.reset(jdbc);
        steps.clear();
        for (int step = 1; step <= 6; step++) {
            steps.add(LifecycleFixtures.fullCheckpoint("run", step, step, 2));
        }
    }

    @AfterEach
    void noFaults() {
        faults.reset();
    }

    @Test
    void keepsTheLastKAndTheBestAndOnlyDeletesWhenToldToExecute() {
        RetentionReport dryRun = retention.apply(runDir(), 2, false);

        assertThat(dryRun.removed()).containsExactly(name(1), name(3), name(4));
        assertThat(dryRun.kept())
                .containsEntry(name(2), List.of("best"))
                .containsEntry(name(5), List.of("last"))
                .containsEntry(name(6), List.of("last"));
        steps.forEach(s -> assertThat(s).isDirectory());

        RetentionReport executed = retention.apply(runDir(), 2, true);

        assertThat(executed.removed()).isEqualTo(dryRun.removed());
        assertThat(steps.get(0)).doesNotExist();
        assertThat(steps.get(2)).doesNotExist();
        assertThat(steps.get(3)).doesNotExist();
        assertThat(steps.get(1)).isDirectory();
        assertThat(steps.get(4)).isDirectory();
    }

    @Test
    void neverRemovesTheSourceCheckpointOfAVersion() {
        ConsolidationResult result = consolidation.consolidate(request(steps.get(2)));
        assertThat(result.succeeded()).isTrue();

        RetentionReport report = retention.apply(runDir(), 2, true);

        assertThat(report.kept()).containsEntry(name(3), List.of("version"));
        assertThat(steps.get(2)).isDirectory();
    }

    @ParameterizedTest
    @EnumSource(PinKind.class)
    void neverRemovesACheckpointThatADeploymentOrAJobNeeds(PinKind kind) {
        pins.pin(new CheckpointPinRequest(steps.get(0).toString(), kind, "holder-1"));

        RetentionReport report = retention.apply(runDir(), 2, true);

        assertThat(report.kept()).containsEntry(name(1), List.of(kind.name().toLowerCase()));
        assertThat(steps.get(0)).isDirectory();
        assertThat(steps.get(2)).doesNotExist();
    }

    @Test
    void aCheckpointIsFreeAgainOnceItsPinIsRemoved() {
        long pin = pins.pin(new CheckpointPinRequest(steps.get(0).toString(), PinKind.RUNNING_JOB, "job-7"))
                .id();
        pins.unpin(pin);

        assertThat(retention.apply(runDir(), 2, false).removed()).contains(name(1));
    }

    @Test
    void neverRemovesACheckpointThatAConsolidationIsReadingNow() throws Exception {
        faults.holdAfter(ConsolidationStep.BUILD);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<ConsolidationResult> running =
                    CompletableFuture.supplyAsync(() -> consolidation.consolidate(request(steps.get(3))), executor);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !consolidation.sourcesInUse().isEmpty());

            RetentionReport report = retention.apply(runDir(), 2, true);

            assertThat(report.kept()).containsEntry(name(4), List.of("backup_in_progress"));
            assertThat(steps.get(3)).isDirectory();
            faults.release();
            assertThat(running.get().succeeded()).isTrue();
        } finally {
            faults.release();
            executor.shutdownNow();
        }
    }

    @Test
    void neverRemovesACheckpointThatAnEvaluationIsReadingNow() {
        try (CheckpointReaders.Reading reading = readers.reading(steps.get(0))) {
            RetentionReport report = retention.apply(runDir(), 2, true);

            assertThat(report.kept()).containsEntry(name(1), List.of("evaluation"));
            assertThat(steps.get(0)).isDirectory();
        }
        assertThat(retention.apply(runDir(), 2, true).removed()).contains(name(1));
        assertThat(steps.get(0)).doesNotExist();
    }

    @Test
    void onItsScheduleEveryRunKeepsItsLastCheckpointsAndAtStartTheUnfinishedOnesGo() throws IOException {
        Path run = trainerPaths.runs().resolve("scheduled-" + java.util.UUID.randomUUID());
        Files.createDirectories(run);
        Files.move(runDir(), run.resolve("checkpoints"));
        Path unfinished = run.resolve("checkpoints").resolve(".tmp-step-00000007-" + java.util.UUID.randomUUID());
        Files.createDirectories(unfinished);
        Files.writeString(unfinished.resolve("model.safetensors"), "half written");
        try {
            scheduled.afterPropertiesSet();

            assertThat(unfinished).doesNotExist();
            assertThat(run.resolve("checkpoints/step-00000006")).isDirectory();

            assertThat(scheduled.sweep()).isGreaterThanOrEqualTo(2);
            // keep-last-checkpoints is 3 by default; step 2 is the best
            assertThat(run.resolve("checkpoints/step-00000001")).doesNotExist();
            assertThat(run.resolve("checkpoints/step-00000003")).doesNotExist();
            for (int step : new int[] {2, 4, 5, 6}) {
                assertThat(run.resolve(String.format("checkpoints/step-%08d", step)))
                        .isDirectory();
            }
        } finally {
            dev.llmfleet.trainer.lifecycle.LifecycleFiles.deleteTree(run);
        }
    }

    @Test
    void refusesAFolderOutsideTheDataFolder() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> retention.apply(Path.of("/tmp"), 2, true))
                .isInstanceOf(InvalidRetentionRequestException.class);
    }

    private static ConsolidateRequest request(Path checkpoint) {
        return new ConsolidateRequest(checkpoint.toString(), "test", List.of(), Map.of(), Map.of(), "tester");
    }

    private static Path runDir() {
        return LifecycleFixtures.runCheckpoints("run");
    }

    private static String name(int step) {
        return runDir().resolve(String.format("step-%08d", step)).toString();
    }
}
