package dev.llmfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.registry.RegistryClient;
import dev.llmfleet.api.registry.ServiceInstance;
import dev.llmfleet.api.scheduler.JobHistoryEntry;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.trainer.DatasetStatus;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.api.trainer.TrainerStatus;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.orchestrator.CoreOrchestratorApplication;
import dev.llmfleet.scheduler.ResourceSchedulerApplication;
import dev.llmfleet.trainer.TrainerServiceApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;

/**
 * The trainer is killed (SIGKILL, no shutdown hook runs) in the middle of a run and started again:
 * the lease runs out, the job comes back, and the new trainer continues from the newest complete
 * checkpoint. The trainer runs in a JVM of its own so that it can really be killed.
 */
class TrainerCrashTest {

    @TempDir
    static Path dataDir;

    static AllInOneFleet fleet;
    static RegistryClient registry;
    final List<Process> trainers = new ArrayList<>();

    @BeforeAll
    static void startFleet() {
        fleet = AllInOneFleet.start(
                List.of(CoreOrchestratorApplication.class, ResourceSchedulerApplication.class), trainerArgs());
        registry = TrainerFleet.client(fleet.baseUrl("core-orchestrator"), RegistryClient.class);
    }

    @AfterEach
    void killTrainers() {
        trainers.forEach(Process::destroyForcibly);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aTrainerKilledMidRunResumesTheJobFromItsNewestCompleteCheckpoint() throws Exception {
        Process first = startTrainer(1);
        ServiceInstance firstInstance = awaitTrainer(-1);
        TrainerClient trainer = clientOf(firstInstance);
        Files.write(dataDir.resolve("trainer/inbox/priority/crash.jsonl"), TrainerFleet.additionChats(36, 70));
        TrainerStatus mid = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(50))
                .until(trainer::status, s -> s.checkpointStep() != null && s.checkpointStep() >= 10);
        UUID job = mid.jobId();

        first.destroyForcibly().waitFor();
        long newest = stepOf(CheckpointReader.latestComplete(dataDir.resolve("trainer/runs/" + job + "/checkpoints"))
                .orElseThrow()
                .directory());
        long trainedBeforeCrash = TrainerFleet.trainedSteps(dataDir, job).getLast();
        assertThat(newest).isBetween(10L, trainedBeforeCrash);

        startTrainer(2);
        TrainerClient restarted = clientOf(awaitTrainer(firstInstance.port()));
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> restarted.datasets().stream()
                        .anyMatch(d -> job.equals(d.jobId()) && d.status() == DatasetStatus.COMPLETED));

        List<String> progress = Files.readAllLines(dataDir.resolve("trainer/runs/" + job + "/progress.jsonl"));
        String firstOfSecondAttempt = progress.stream()
                .filter(line -> line.contains("\"attempt\":2"))
                .findFirst()
                .orElseThrow();
        assertThat(TrainerFleet.JSON.readTree(firstOfSecondAttempt).get("step").asLong())
                .as("the second attempt starts right after the newest complete checkpoint")
                .isEqualTo(newest + 1);
        assertThat(TrainerFleet.scheduler(fleet).history(job))
                .anySatisfy(h -> assertThat(h.reason()).contains("expired"))
                .extracting(JobHistoryEntry::toState)
                .endsWith(JobState.COMPLETED);
    }

    private Process startTrainer(int number) throws IOException {
        Environment database = fleet.context("resource-scheduler").getEnvironment();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx768m",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                TrainerServiceApplication.class.getName()));
        command.addAll(List.of(trainerArgs()));
        command.addAll(List.of(
                "--fleet.registry.url=" + fleet.baseUrl("core-orchestrator"),
                "--spring.datasource.url=" + database.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + database.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + database.getProperty("spring.datasource.password", ""),
                "--fleet.datasource.test-isolation=false"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        Path.of("target", "trainer-crash-" + number + ".log").toFile())
                .start();
        trainers.add(process);
        return process;
    }

    /** The trainer instance the registry lists as up, other than the one on {@code notPort}. */
    private static ServiceInstance awaitTrainer(int notPort) {
        return await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> registry.upInstances("trainer-service").stream()
                                .filter(i -> i.port() != notPort)
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static TrainerClient clientOf(ServiceInstance instance) {
        return TrainerFleet.client("http://localhost:" + instance.port(), TrainerClient.class);
    }

    private static long stepOf(Path checkpoint) {
        String name = checkpoint.getFileName().toString();
        return Long.parseLong(name.substring(name.indexOf('-') + 1));
    }

    /**
     * A dead trainer's device must go stale before its lease runs out, or the scheduler leases the
     * job to the dead device again and again, each time using one of its attempts.
     */
    private static String[] trainerArgs() {
        List<String> args =
                new ArrayList<>(List.of(TrainerFleet.args(dataDir, "max-steps=300", "save-steps=5", "eval-steps=300")));
        args.add("--fleet.scheduler.devices.stale-after=2s");
        args.add("--fleet.gpu.report-interval=500ms");
        return args.toArray(String[]::new);
    }
}
