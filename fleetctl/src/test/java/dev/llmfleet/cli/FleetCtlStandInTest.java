package dev.llmfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.errorbus.EventPage;
import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.api.lifecycle.ConsolidationResult;
import dev.llmfleet.api.lifecycle.ConsolidationStep;
import dev.llmfleet.api.orchestrator.Drift;
import dev.llmfleet.api.orchestrator.FleetTwin;
import dev.llmfleet.api.orchestrator.TwinDeployment;
import dev.llmfleet.api.orchestrator.TwinModels;
import dev.llmfleet.api.registry.ServiceSummary;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.QueueStatus;
import dev.llmfleet.api.trainer.ValidationIssue;
import dev.llmfleet.api.trainer.ValidationLevel;
import dev.llmfleet.api.trainer.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The commands' own logic against a stand-in fleet that answers with the API's shapes: what they
 * send, how they render, and which exit code each answer gives. The real services are exercised
 * by the deploy module's FleetCtlFleetTest.
 */
class FleetCtlStandInTest {

    @TempDir
    Path configDir;

    StandInFleet fleet;

    @BeforeEach
    void logIn() {
        fleet = new StandInFleet();
        new CliConfig(fleet.url(), null, null, "fleet_test_key").save(configDir);
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    CliRun run(String... args) {
        return CliRun.run(configDir, args);
    }

    @Test
    void aClientLogsInWithTheScopesFleetctlNeedsAndAsksTheGatewayForThemEachCommand() {
        fleet.json("POST", "/oauth2/token", Map.of("access_token", "jwt", "token_type", "Bearer"));
        fleet.json("GET", "/api/scheduler/queue", queue());

        CliRun login = run("login", "--client-id", "ops", "--client-secret", "s3cret", "--url", fleet.url());
        CliRun queue = run("queue", "status");

        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(login.out()).isEqualTo("Logged in to " + fleet.url() + " as client ops\n");
        assertThat(CliConfig.load(configDir).scopes()).containsExactly("fleet:read", "fleet:operate", "inference:use");
        assertThat(queue.exitCode()).isZero();
        assertThat(fleet.requests())
                .filteredOn(r -> r.path().equals("/oauth2/token"))
                .hasSize(2)
                .allSatisfy(r -> assertThat(new String(r.body(), StandardCharsets.UTF_8))
                        .contains("grant_type=client_credentials")
                        .contains("scope=fleet%3Aread+fleet%3Aoperate+inference%3Ause"));
    }

    @Test
    void aClientThatHoldsFewerScopesNamesThemAtLogin() {
        fleet.json("POST", "/oauth2/token", Map.of("access_token", "jwt", "token_type", "Bearer"));
        fleet.json("GET", "/api/scheduler/queue", queue());

        CliRun login = run(
                "login",
                "--client-id",
                "viewer",
                "--client-secret",
                "s",
                "--scope",
                "fleet:read",
                "--url",
                fleet.url());

        assertThat(login.exitCode()).isZero();
        assertThat(CliConfig.load(configDir).scopes()).containsExactly("fleet:read");
        assertThat(fleet.requests())
                .filteredOn(r -> r.path().equals("/oauth2/token"))
                .singleElement()
                .satisfies(r -> assertThat(new String(r.body(), StandardCharsets.UTF_8))
                        .contains("scope=fleet%3Aread")
                        .doesNotContain("operate"));
    }

    @Test
    void scopesTheGatewayRefusesAreNotAuthenticatedWithAHintToNameThem() {
        fleet.answer(
                "POST",
                "/oauth2/token",
                new StandInFleet.Answer(400, "application/json", "{\"error\":\"invalid_scope\"}"));

        CliRun login = run("login", "--client-id", "viewer", "--client-secret", "s", "--url", fleet.url());

        assertThat(login.exitCode()).isEqualTo(ExitCodes.NOT_AUTHENTICATED);
        assertThat(login.err())
                .contains("refused the scopes fleet:read fleet:operate inference:use for client viewer")
                .contains("--scope");
    }

    @Test
    void trainStatusAsJsonIsTheTrainersOwnShape() {
        fleet.json("GET", "/api/trainer/status", TrainerStatuses.training(120, 200, 1.25, 1.5, 900.0, 65L));

        CliRun run = run("train", "status", "--output", "json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode json = StandInFleet.JSON.readTree(run.out());
        assertThat(json.get("state").asString()).isEqualTo("TRAINING");
        assertThat(json.get("step").asLong()).isEqualTo(120);
        assertThat(json.get("totalSteps").asLong()).isEqualTo(200);
        assertThat(json.get("loss").asDouble()).isEqualTo(1.25);
        assertThat(json.get("etaSeconds").asLong()).isEqualTo(65);
        assertThat(json.get("jobId").asString()).isEqualTo(TrainerStatuses.JOB.toString());
        assertThat(fleet.requests())
                .filteredOn(r -> r.path().equals("/api/trainer/status"))
                .singleElement()
                .satisfies(r -> assertThat(r.method()).isEqualTo("GET"));
    }

    @Test
    void trainStatusAsATableShowsProgressLossAndEta() {
        fleet.json("GET", "/api/trainer/status", TrainerStatuses.training(120, 200, 1.25, 1.5, 900.0, 65L));

        CliRun run = run("train", "status");

        assertThat(run.out())
                .contains("State       TRAINING")
                .contains("120/200")
                .contains("1.2500 (validation 1.5000, gap 0.2500)")
                .contains("ETA 1m 05s");
    }

    @Test
    void trainWatchPrintsOneLinePerChangeAndEndsWhenTheRunEnds() {
        fleet.json(
                "GET",
                "/api/trainer/status",
                TrainerStatuses.training(1, 4, 2.0, null, 100.0, 30L),
                TrainerStatuses.training(1, 4, 2.0, null, 100.0, 30L),
                TrainerStatuses.training(2, 4, 1.5, 1.7, 110.0, 20L),
                TrainerStatuses.idle(4, 4));

        CliRun run = run("train", "watch", "--plain", "--interval", "10ms", "--width", "4");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).doesNotContain("\r");
        assertThat(run.out().lines())
                .containsExactly(
                        "[#...]  1/4   25%  loss 2.0000  val -  100 tok/s  ETA 30s",
                        "[##..]  2/4   50%  loss 1.5000  val 1.7000  110 tok/s  ETA 20s",
                        "[####]  4/4  100%  loss 0.5000  val 0.6000  - tok/s  ETA --  IDLE",
                        "IDLE: completed after 4 steps");
    }

    @Test
    void trainWatchOfARunThatGoesOnEndsWhenInterruptedWithExitCode130() throws Exception {
        fleet.json("GET", "/api/trainer/status", TrainerStatuses.training(3, 100, 1.0, 1.1, 50.0, 600L));
        AtomicReference<CliRun> result = new AtomicReference<>();
        Thread watcher =
                Thread.ofPlatform().start(() -> result.set(run("train", "watch", "--plain", "--interval", "20ms")));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> fleet.requests().stream()
                                .filter(r -> r.path().equals("/api/trainer/status"))
                                .count()
                        >= 3);
        watcher.interrupt();
        watcher.join(10_000);

        assertThat(result.get().exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(result.get().out().lines())
                .containsExactly(
                        "[..............................]  3/100    3%  loss 1.0000  val 1.1000  50 tok/s  ETA 10m 00s");
    }

    @Test
    void trainWatchAsJsonPrintsOneStatusPerChange() {
        fleet.json(
                "GET",
                "/api/trainer/status",
                TrainerStatuses.training(1, 4, 2.0, null, 100.0, 30L),
                TrainerStatuses.training(1, 4, 2.0, null, 100.0, 30L),
                TrainerStatuses.idle(4, 4));

        CliRun run = run("train", "watch", "--interval", "10ms", "-o", "json");

        assertThat(run.out().lines())
                .hasSize(2)
                .allSatisfy(line -> assertThat(StandInFleet.JSON.readTree(line).has("state"))
                        .isTrue());
    }

    @Test
    void aTrainControlTheTrainerRefusesExitsWith1AndItsReason() {
        fleet.problem("POST", "/api/trainer/control/STOP", 409, "illegal-control", "cannot STOP while IDLE");

        CliRun run = run("train", "stop");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).isEqualTo("fleetctl: cannot STOP while IDLE (HTTP 409)\n");
    }

    @Test
    void aRejectedDatasetShowsEveryBadLineWithItsNumberAndExits1() throws Exception {
        Path file = Files.writeString(configDir.resolve("bad.jsonl"), "{\"messages\": []}\nnot json\n{\n");
        String sha = QueueAddCommand.sha256(file);
        fleet.problem(
                "POST",
                "/api/trainer/uploads",
                422,
                "dataset-rejected",
                "bad.jsonl rejected: line 2 invalid-json: not JSON; line 3 invalid-json: not JSON");
        fleet.json(
                "GET",
                "/api/trainer/rejected",
                List.of(
                        report("other.jsonl", "0".repeat(64), new ValidationIssue(9, ValidationLevel.QUICK, "x", "y")),
                        report(
                                "bad.jsonl",
                                sha,
                                new ValidationIssue(1, ValidationLevel.STANDARD, "empty-example", "no messages"),
                                new ValidationIssue(2, ValidationLevel.QUICK, "invalid-json", "not JSON"),
                                new ValidationIssue(3, ValidationLevel.QUICK, "invalid-json", "not JSON"))));

        CliRun run = run("queue", "add", file.toString(), "--priority", "high");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.out().lines())
                .contains(
                        "Rejected bad.jsonl (SHA-256 " + sha + "): 3 issue(s)",
                        "LINE  CHECK     CODE           MESSAGE",
                        "1     STANDARD  empty-example  no messages",
                        "2     QUICK     invalid-json   not JSON",
                        "3     QUICK     invalid-json   not JSON")
                .noneMatch(line -> line.contains("other.jsonl"));
        assertThat(run.err()).startsWith("fleetctl: bad.jsonl rejected: line 2 invalid-json");
        StandInFleet.Request upload = fleet.requests().stream()
                .filter(r -> r.path().equals("/api/trainer/uploads"))
                .findFirst()
                .orElseThrow();
        assertThat(upload.query()).isEqualTo("priority=HIGH");
        assertThat(upload.contentType()).startsWith("multipart/form-data");
        assertThat(new String(upload.body(), StandardCharsets.UTF_8))
                .contains("name=\"file\"; filename=\"bad.jsonl\"")
                .contains("not json");
    }

    @Test
    void anAcceptedDatasetPrintsItsShaStatusAndJob() throws Exception {
        Path file = Files.writeString(configDir.resolve("good.jsonl"), "{}\n");
        fleet.answer("POST", "/api/trainer/uploads", new StandInFleet.Answer(201, "application/json", """
                        {"outcome":"ACCEPTED","dataset":{"sha256":"%s","name":"good.jsonl","spec":"chat_sft_v1",
                         "priority":"NORMAL","status":"QUEUED","lines":1,"examples":1,"tokens":12,"source":"upload",
                         "jobId":"%s"},"report":null}""".formatted(
                        TrainerStatuses.DATASET, TrainerStatuses.JOB)));

        CliRun run = run("queue", "add", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("Outcome   ACCEPTED")
                .contains("SHA-256   " + TrainerStatuses.DATASET)
                .contains("Status    QUEUED")
                .contains("Job       " + TrainerStatuses.JOB);
        assertThat(fleet.requests())
                .filteredOn(r -> r.path().equals("/api/trainer/uploads"))
                .singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("priority=NORMAL"));
    }

    @Test
    void anUnknownJobGivesExitCode4WithTheProblemDetailsMessage() {
        String id = "6f1c1b7e-2d0e-4b7a-9a59-1f0c6a4f0d11";
        fleet.problem("POST", "/api/scheduler/jobs/" + id + "/cancel", 404, "job-not-found", "No job " + id);

        CliRun run = run("queue", "cancel", id);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).isEqualTo("fleetctl: No job " + id + " (HTTP 404)\n");
    }

    @Test
    void statusShowsTheTwinDesiredAgainstDeployedAndTheDrift() {
        Instant now = Instant.parse("2026-11-25T13:00:00Z");
        fleet.json(
                "GET",
                "/api/orchestrator/twin",
                new FleetTwin(
                        now,
                        List.of(),
                        List.of(),
                        List.of(),
                        queue(),
                        TrainerStatuses.training(50, 100, 1.0, 1.2, 500.0, 100L),
                        new TwinModels(
                                "v002",
                                "v003",
                                null,
                                List.of(new TwinDeployment("gpu-box", "inference-1", "v002", "v001", true, false))),
                        List.of(new Drift("VERSION_NOT_DEPLOYED", "gpu-box", "v002", "v001", now, "redeploying")),
                        List.of("observability-hub")));

        CliRun run = run("status");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("Could not read: observability-hub")
                .contains("50/100")
                .contains("desired v002, latest v003")
                .containsPattern("gpu-box +inference-1 +v002 +v001 +no +yes")
                .containsPattern("VERSION_NOT_DEPLOYED +gpu-box +v002 +v001 .* redeploying");
    }

    @Test
    void statusFallsBackToTheRegistryAndQueueWhenTheOrchestratorHasNoTwin() {
        fleet.json("GET", "/api/registry/services", List.of(new ServiceSummary("trainer-service", 1, 0)));
        fleet.json("GET", "/api/scheduler/queue", queue());

        CliRun run = run("status", "-o", "json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode json = StandInFleet.JSON.readTree(run.out());
        assertThat(json.get("services").get(0).get("serviceName").asString()).isEqualTo("trainer-service");
        assertThat(json.get("queue").get("counts").get("HIGH").get("QUEUED").asLong())
                .isEqualTo(2);
    }

    @Test
    void aFailedConsolidationNamesTheStepAndExits1() {
        fleet.answer(
                "POST",
                "/api/trainer/versions/consolidate",
                new StandInFleet.Answer(
                        422,
                        "application/json",
                        StandInFleet.JSON.writeValueAsString(
                                ConsolidationResult.failed(ConsolidationStep.VERIFY, "non-finite logits", null))));

        CliRun run = run("consolidate", "--description", "d", "--checkpoint", "/data/trainer/runs/j/checkpoints/s");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.out()).contains("Consolidation failed at VERIFY: non-finite logits");
        JsonNode sent = StandInFleet.JSON.readTree(fleet.requests().stream()
                .filter(r -> r.path().equals("/api/trainer/versions/consolidate"))
                .findFirst()
                .orElseThrow()
                .body());
        assertThat(sent.get("sourceCheckpoint").asString()).isEqualTo("/data/trainer/runs/j/checkpoints/s");
        assertThat(sent.get("description").asString()).isEqualTo("d");
    }

    @Test
    void consolidateWithoutACheckpointOrACandidateIsAUsageError() {
        fleet.json("GET", "/api/orchestrator/candidates", List.of());

        CliRun run = run("consolidate", "--description", "d");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("pass --checkpoint");
    }

    @Test
    void chatAsksTheServedModelAndPrintsItsAnswer() {
        fleet.json(
                "GET",
                "/v1/models",
                Map.of("object", "list", "data", List.of(Map.of("id", "tiny", "object", "model"))));
        fleet.json(
                "POST",
                "/v1/chat/completions",
                Map.of("choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", "4")))));

        CliRun run = run("chat", "What is 2+2?", "--max-tokens", "3", "--system", "Be brief.");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("4\n");
        JsonNode sent = StandInFleet.JSON.readTree(fleet.requests().stream()
                .filter(r -> r.path().equals("/v1/chat/completions"))
                .findFirst()
                .orElseThrow()
                .body());
        assertThat(sent.get("model").asString()).isEqualTo("tiny");
        assertThat(sent.get("max_tokens").asInt()).isEqualTo(3);
        assertThat(sent.get("temperature").asDouble())
                .as("greedy unless asked otherwise")
                .isZero();
        assertThat(sent.get("messages").get(0).get("role").asString()).isEqualTo("system");
        assertThat(sent.get("messages").get(1).get("content").asString()).isEqualTo("What is 2+2?");
    }

    @Test
    void errorsFollowPrintsEachNewEventOnceUntilInterrupted() throws Exception {
        Instant t0 = Instant.parse("2026-11-25T13:00:00Z");
        FleetEvent first = event("e1", t0, "first");
        FleetEvent second = event("e2", t0.plusSeconds(1), "second");
        fleet.json(
                "GET",
                "/api/errorbus/events",
                new EventPage(List.of(first), 0, 20, 1),
                new EventPage(List.of(first), 0, 100, 1),
                new EventPage(List.of(second, first), 0, 100, 2),
                new EventPage(List.of(second), 0, 100, 1));
        AtomicReference<CliRun> result = new AtomicReference<>();
        Thread follower = Thread.ofPlatform()
                .start(() -> result.set(run("errors", "--follow", "--interval", "20ms", "--severity", "warning")));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> fleet.requests().stream()
                                .filter(r -> r.path().equals("/api/errorbus/events"))
                                .count()
                        >= 6);
        follower.interrupt();
        follower.join(10_000);

        assertThat(result.get().exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(result.get().out().lines())
                .containsExactly(
                        "2026-11-25 13:00:00Z  WARNING   trainer-service  disk-low  first",
                        "2026-11-25 13:00:01Z  WARNING   trainer-service  disk-low  second");
        assertThat(fleet.requests())
                .filteredOn(r -> r.path().equals("/api/errorbus/events"))
                .last()
                .satisfies(r ->
                        assertThat(r.query()).contains("severity=WARNING").contains("from=2026-11-25T13%3A00%3A01Z"));
    }

    private static FleetEvent event(String id, Instant at, String message) {
        return new FleetEvent(
                id, "trainer-service", "t-1", Severity.WARNING, "disk-low", message, null, null, null, at);
    }

    private static QueueStatus queue() {
        return new QueueStatus(Map.of(JobPriority.HIGH, Map.of(JobState.QUEUED, 2L)), List.of(), List.of());
    }

    private static ValidationReport report(String name, String sha, ValidationIssue... issues) {
        return new ValidationReport(
                name, sha, "chat_sft_v1", ValidationLevel.DEEP, false, 3, 1, 0, List.of(issues), Instant.now());
    }
}
