package dev.llmfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobPage;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.QueueStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * How a dataset is to be trained, from the command line to the trainer (the multipart part
 * {@code run}) and back (the dataset's run settings, a job's settings in the queue's views).
 */
class FleetCtlRunSettingsTest {

    static final String UPLOADS = "/api/trainer/uploads";

    @TempDir
    Path configDir;

    StandInFleet fleet;
    Path dataset;

    @BeforeEach
    void logIn() throws Exception {
        fleet = new StandInFleet();
        new CliConfig(fleet.url(), null, null, "fleet_test_key").save(configDir);
        dataset = Files.writeString(configDir.resolve("good.jsonl"), "{}\n");
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    CliRun run(String... args) {
        return CliRun.run(configDir, args);
    }

    @Test
    void theOptionsGivenAreSentAsAJsonPartNamedRunWithExactlyThoseFields() {
        acceptsWithRun("null");

        CliRun run = run(
                "queue",
                "add",
                dataset.toString(),
                "--base",
                "deployed",
                "--method",
                "lora",
                "--lora-rank",
                "8",
                "--lora-targets",
                "q_proj, v_proj",
                "--learning-rate",
                "1e-3",
                "--batch-size",
                "4",
                "--seed",
                "7");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        StandInFleet.Part part = upload().part("run").orElseThrow();
        assertThat(part.headers())
                .containsIgnoringCase("Content-Type: application/json")
                .contains("name=\"run\"; filename=\"run.json\"");
        assertThat(json(part.body())).isEqualTo(json("""
                {"base":"deployed","method":"lora","lora":{"rank":8,"targets":["q_proj","v_proj"]},
                 "learningRate":0.001,"batchSize":4,"seed":7}"""));
        assertThat(upload().part("file").orElseThrow().headers()).contains("filename=\"good.jsonl\"");
    }

    @Test
    void withoutRunOptionsOnlyTheFileIsSent() {
        acceptsWithRun("null");

        CliRun run = run("queue", "add", dataset.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(upload().part("file")).isPresent();
        assertThat(upload().part("run")).isEmpty();
        assertThat(run.out()).doesNotContain("Run ");
    }

    @Test
    void aRunFileIsSentWithTheOptionsOverridingItsFieldsTheAdaptersOneByOne() throws Exception {
        acceptsWithRun("null");
        Path settings = Files.writeString(configDir.resolve("run.json"), """
                {"base":"v003","method":"lora","lora":{"rank":4,"alpha":8,"targets":["q_proj"]},
                 "epochs":2,"precision":"fp32","systemPrompt":"You add numbers."}""");

        CliRun run = run(
                "queue",
                "add",
                dataset.toString(),
                "--run",
                settings.toString(),
                "--lora-rank",
                "16",
                "--precision",
                "bf16",
                "--max-steps",
                "100");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(json(upload().part("run").orElseThrow().body())).isEqualTo(json("""
                {"base":"v003","method":"lora","lora":{"rank":16,"alpha":8.0,"targets":["q_proj"]},
                 "epochs":2,"maxSteps":100,"precision":"bf16","systemPrompt":"You add numbers."}"""));
    }

    @Test
    void aRunFileWithAnUnknownFieldOrAnOptionThatIsNotANumberIsAUsageError() throws Exception {
        Path settings = Files.writeString(configDir.resolve("run.json"), "{\"learning_rate\": 0.1}");

        CliRun misspelt = run("queue", "add", dataset.toString(), "--run", settings.toString());
        CliRun notANumber = run("queue", "add", dataset.toString(), "--lora-rank", "eight");

        assertThat(misspelt.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(misspelt.err())
                .contains("Cannot read run settings from " + settings)
                .contains("learning_rate");
        assertThat(notANumber.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(notANumber.err()).contains("--lora-rank").contains("eight");
        assertThat(fleet.requests()).noneMatch(r -> r.path().equals(UPLOADS));
    }

    @Test
    void runSettingsTheTrainerRefusesPrintItsReasonAndExit1WithoutAReportOfLines() {
        fleet.problem("POST", UPLOADS, 422, "invalid-run-settings", "run.lora.rank: must be at least 1, was 0");

        CliRun run = run("queue", "add", dataset.toString(), "--method", "lora", "--lora-rank", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).isEqualTo("fleetctl: run.lora.rank: must be at least 1, was 0 (HTTP 422)\n");
        assertThat(run.out()).isEmpty();
        assertThat(fleet.requests()).noneMatch(r -> r.path().equals("/api/trainer/rejected"));
    }

    @Test
    void anAcceptedDatasetPrintsTheSettingsItRunsWith() {
        acceptsWithRun("""
                {"base":"deployed","method":"lora","lora":{"rank":8,"alpha":16.0,"dropout":0.0,
                 "targets":["q_proj","v_proj"]},"learningRate":0.001,"schedule":"cosine","warmupSteps":0,
                 "epochs":null,"maxSteps":200,"batchSize":8,"gradientAccumulation":1,"maxLength":256,
                 "precision":"fp32","systemPrompt":null,"seed":1}""");

        CliRun run = run("queue", "add", dataset.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("Run       base=deployed method=lora rank=8 alpha=16 lr=0.001 schedule=cosine warmup=0"
                        + " steps=200 batch=8x1 maxLength=256 precision=fp32 seed=1\n");
    }

    @Test
    void queueStatusAndListShowEachJobsSettingsOnItsRow() {
        JobResponse lora = job("sha256:aaaa", JobState.RUNNING, runSettings());
        JobResponse plain = job("sha256:bbbb", JobState.QUEUED, Map.of());
        fleet.json("GET", "/api/scheduler/queue", new QueueStatus(Map.of(), List.of(lora), List.of()));
        fleet.json("GET", "/api/scheduler/jobs", new JobPage(List.of(lora, plain), 0, 50, 2));

        CliRun status = run("queue", "status");
        CliRun list = run("queue", "list");

        String settings = "base=v003 method=lora rank=8 alpha=16 dropout=0.05 lr=0.0001 steps=200 batch=4x2 seed=7";
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out().lines())
                .anySatisfy(line -> assertThat(line).startsWith("ID ").endsWith("ATTEMPTS  SETTINGS"))
                .anySatisfy(line ->
                        assertThat(line).startsWith(lora.id().toString()).endsWith("1/3       " + settings));
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines())
                .anySatisfy(line ->
                        assertThat(line).startsWith(lora.id().toString()).endsWith(settings))
                .anySatisfy(line ->
                        assertThat(line).startsWith(plain.id().toString()).endsWith("1/3       -"));
    }

    @Test
    void queueStatusAsJsonCarriesTheSettingsAsTheSchedulerAnswered() {
        JobResponse lora = job("sha256:aaaa", JobState.RUNNING, runSettings());
        fleet.json("GET", "/api/scheduler/queue", new QueueStatus(Map.of(), List.of(lora), List.of()));

        CliRun status = run("queue", "status", "--output", "json");

        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode settings = json(status.out()).get("processing").get(0).get("settings");
        assertThat(settings).isEqualTo(StandInFleet.JSON.valueToTree(runSettings()));
        assertThat(settings.propertyNames())
                .containsExactlyElementsOf(runSettings().keySet());
    }

    private void acceptsWithRun(String runJson) {
        fleet.answer("POST", UPLOADS, new StandInFleet.Answer(201, "application/json", """
                        {"outcome":"ACCEPTED","dataset":{"sha256":"%s","name":"good.jsonl","spec":"chat_sft_v1",
                         "priority":"NORMAL","status":"QUEUED","lines":1,"examples":1,"tokens":12,"source":"upload",
                         "jobId":"%s","run":%s},"report":null}""".formatted(
                        TrainerStatuses.DATASET, TrainerStatuses.JOB, runJson)));
    }

    private StandInFleet.Request upload() {
        return fleet.requests().stream()
                .filter(r -> r.path().equals(UPLOADS))
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode json(String text) {
        return StandInFleet.JSON.readTree(text);
    }

    /** A training job's settings as the trainer submits them: keys in its order, a system prompt the table leaves out. */
    private static Map<String, Object> runSettings() {
        Map<String, Object> lora = new LinkedHashMap<>();
        lora.put("rank", 8);
        lora.put("alpha", 16.0);
        lora.put("dropout", 0.05);
        lora.put("targets", List.of("q_proj", "v_proj"));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("base", "v003");
        settings.put("method", "lora");
        settings.put("lora", lora);
        settings.put("learningRate", 1e-4);
        settings.put("maxSteps", 200);
        settings.put("batchSize", 4);
        settings.put("gradientAccumulation", 2);
        settings.put("systemPrompt", "You add numbers.");
        settings.put("seed", 7);
        return settings;
    }

    private static JobResponse job(String payload, JobState state, Map<String, Object> settings) {
        return new JobResponse(
                UUID.randomUUID(),
                JobKind.TRAINING,
                JobPriority.NORMAL,
                state,
                1,
                payload,
                null,
                512,
                "alice",
                null,
                null,
                1,
                3,
                null,
                "trainer-1",
                "GPU-a",
                null,
                false,
                null,
                null,
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                settings);
    }
}
