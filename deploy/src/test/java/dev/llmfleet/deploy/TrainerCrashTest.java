package dev.llmfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.lifecycle.ImportedVersion;
import dev.llmfleet.api.registry.RegistryClient;
import dev.llmfleet.api.registry.ServiceInstance;
import dev.llmfleet.api.scheduler.JobHistoryEntry;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.trainer.DatasetStatus;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.api.trainer.TrainerStatus;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.hf.HfFixtures;
import dev.llmfleet.model.hf.HfModelFolder;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.orchestrator.CoreOrchestratorApplication;
import dev.llmfleet.scheduler.ResourceSchedulerApplication;
import dev.llmfleet.trainer.TrainerServiceApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

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
    static final java.util.Set<Integer> usedPorts = java.util.concurrent.ConcurrentHashMap.newKeySet();
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
        int linesBeforeCrash = progressLines(job).size();
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

        String firstAfterCrash = progressLines(job).get(linesBeforeCrash);
        assertThat(TrainerFleet.JSON.readTree(firstAfterCrash).get("step").asLong())
                .as("the restarted trainer starts right after the newest complete checkpoint")
                .isEqualTo(newest + 1);
        // the restarted trainer gives the lease back at once, unless it ran out while the trainer started
        assertThat(TrainerFleet.scheduler(fleet).history(job))
                .anySatisfy(h -> assertThat(h.reason()).containsAnyOf("host restarted", "fell silent", "expired"))
                .extracting(JobHistoryEntry::toState)
                .endsWith(JobState.COMPLETED);
    }

    /**
     * A run on an imported Hugging Face model (the tiny Qwen3 fixture), full or LoRA, killed after
     * a few checkpoints: the restarted trainer continues it from its newest checkpoint on the same
     * base, and every step after the crash has the loss a run that was never killed has there.
     */
    @ParameterizedTest
    @ValueSource(strings = {"lora", "full"})
    void aHuggingFaceRunKilledMidRunResumesExactlyOnItsBase(String method) throws Exception {
        Process first = startTrainer(method.equals("lora") ? 3 : 5);
        ServiceInstance firstInstance = awaitTrainer(-1);
        TrainerClient trainer = clientOf(firstInstance);
        String base = importQwen(firstInstance);
        String settings = "{\"base\":\"" + base + "\",\"method\":\"" + method + "\","
                + (method.equals("lora") ? "\"lora\":{\"rank\":4,\"alpha\":8}," : "")
                + "\"maxSteps\":30,\"batchSize\":2,\"learningRate\":0.01,\"warmupSteps\":2,\"seed\":11}";
        List<String> chats = TrainerFleet.additionChats(24, method.equals("lora") ? 300 : 400);
        Path inbox = dataDir.resolve("trainer/inbox/priority");
        Files.writeString(inbox.resolve("qwen-" + method + ".run.json"), settings);
        Files.write(inbox.resolve("qwen-" + method + ".jsonl"), chats);
        TrainerStatus mid = await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50))
                .until(trainer::status, s -> s.checkpointStep() != null && s.checkpointStep() >= 10);
        UUID job = mid.jobId();

        first.destroyForcibly().waitFor();
        int linesBeforeCrash = progressLines(job).size();
        long newest = stepOf(CheckpointReader.latestComplete(dataDir.resolve("trainer/runs/" + job + "/checkpoints"))
                .orElseThrow()
                .directory());
        String record = Files.readString(dataDir.resolve("trainer/runs/" + job + "/run.json"));

        startTrainer(method.equals("lora") ? 4 : 6);
        ServiceInstance second = awaitTrainer(firstInstance.port());
        TrainerClient restarted = clientOf(second);
        awaitCompleted(restarted, job);
        // The same examples once more (a space in each line's JSON makes it new content), trained without a crash.
        Files.writeString(inbox.resolve("qwen-" + method + "-straight.run.json"), settings);
        Files.write(
                inbox.resolve("qwen-" + method + "-straight.jsonl"),
                chats.stream().map(line -> line.replaceFirst("\\{", "{ ")).toList());
        UUID straight = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> restarted.datasets().stream()
                                .filter(d -> d.name().equals("qwen-" + method + "-straight.jsonl") && d.jobId() != null)
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow()
                .jobId();
        awaitCompleted(restarted, straight);

        assertThat(Files.readString(dataDir.resolve("trainer/runs/" + job + "/run.json")))
                .as("the run keeps the settings and base it started with")
                .isEqualTo(record);
        Map<Long, Double> crashed = lossesByStep(job, newest, linesBeforeCrash);
        Map<Long, Double> uninterrupted = lossesByStep(straight, Long.MAX_VALUE, Integer.MAX_VALUE);
        assertThat(crashed.keySet()).containsExactlyInAnyOrderElementsOf(uninterrupted.keySet());
        crashed.forEach((step, loss) ->
                assertThat(loss).as("loss at step %d", step).isCloseTo(uninterrupted.get(step), within(1e-4)));
        VerifiedCheckpoint last = CheckpointReader.latestComplete(
                        dataDir.resolve("trainer/runs/" + job + "/checkpoints"))
                .orElseThrow();
        assertThat(stepOf(last.directory())).isEqualTo(30);
        if (method.equals("lora")) {
            assertThat(LoraFiles.readConfig(last).baseManifestSha256())
                    .isEqualTo(LoraFiles.manifestSha256(dataDir.resolve("trainer/versions/" + base)));
        } else {
            assertThat(HfModelFolder.open(last.directory()).config().modelType())
                    .isEqualTo("qwen3");
        }
        assertThat(TrainerFleet.scheduler(fleet).get(job).settings())
                .containsEntry("base", base)
                .containsEntry("method", method)
                .containsEntry("maxSteps", 30);
    }

    /** The tiny Qwen3 fixture imported once as a version of this fleet's trainer; its name. */
    private static String importQwen(ServiceInstance trainer) {
        Path folder = dataDir.resolve("imports/qwen3-tiny");
        if (!Files.exists(folder)) {
            HfFixtures.writeFolder(HfFixtures.QWEN3, folder);
            return RestClient.create("http://localhost:" + trainer.port())
                    .post()
                    .uri("/api/trainer/versions/import")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("path", "qwen3-tiny"))
                    .retrieve()
                    .body(ImportedVersion.class)
                    .version();
        }
        return "v001";
    }

    private static void awaitCompleted(TrainerClient trainer, UUID job) {
        await().atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> trainer.datasets().stream()
                        .anyMatch(d -> job.equals(d.jobId()) && d.status() == DatasetStatus.COMPLETED));
    }

    /**
     * Each step's loss from a job's progress log: the killed trainer's lines (the first
     * {@code linesBeforeCrash}) up to {@code resumedAfter}, the restarted trainer's after it (steps
     * the killed one trained past its last checkpoint are trained again and count as the retrained ones).
     */
    private static Map<Long, Double> lossesByStep(UUID job, long resumedAfter, int linesBeforeCrash)
            throws IOException {
        Map<Long, Double> losses = new java.util.TreeMap<>();
        List<String> lines = progressLines(job);
        for (int i = 0; i < lines.size(); i++) {
            var entry = TrainerFleet.JSON.readTree(lines.get(i));
            long step = entry.get("step").asLong();
            boolean beforeCrash = i < linesBeforeCrash;
            if (beforeCrash ? step <= resumedAfter : step > resumedAfter) {
                losses.put(step, entry.get("loss").asDouble());
            }
        }
        return losses;
    }

    private static List<String> progressLines(UUID job) throws IOException {
        return Files.readAllLines(dataDir.resolve("trainer/runs/" + job + "/progress.jsonl"));
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

    /**
     * The trainer instance the registry lists as up, other than the one on {@code notPort} and the
     * killed ones of earlier tests (the registry lists a dead instance until its heartbeats are missed).
     */
    private static ServiceInstance awaitTrainer(int notPort) {
        ServiceInstance found = await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> registry.upInstances("trainer-service").stream()
                                .filter(i -> i.port() != notPort && !usedPorts.contains(i.port()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        usedPorts.add(found.port());
        return found;
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
        // the restarted trainer gives the killed one's lease back, so the lease need not be short
        // (a 3 s lease is lost by a live trainer whose heartbeat comes late on a busy machine)
        args.replaceAll(
                arg -> arg.startsWith("--fleet.scheduler.leases.ttl=") ? "--fleet.scheduler.leases.ttl=15s" : arg);
        args.add("--fleet.scheduler.devices.stale-after=2s");
        args.add("--fleet.gpu.report-interval=500ms");
        return args.toArray(String[]::new);
    }
}
