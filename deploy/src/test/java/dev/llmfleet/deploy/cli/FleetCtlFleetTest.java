package dev.llmfleet.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.api.security.ClientCredentials;
import dev.llmfleet.api.security.CreateClientRequest;
import dev.llmfleet.api.security.FleetScopes;
import dev.llmfleet.api.trainer.TrainerState;
import dev.llmfleet.api.trainer.TrainerStatus;
import dev.llmfleet.cli.CliConfig;
import dev.llmfleet.cli.ExitCodes;
import dev.llmfleet.cli.FleetCtl;
import dev.llmfleet.deploy.AllInOneFleet;
import dev.llmfleet.security.client.ClientService;
import dev.llmfleet.starter.errors.ErrorReporter;
import dev.llmfleet.trainer.control.TrainerControlService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every fleetctl command against one all-in-one fleet, run in-process as a user would type it,
 * logged in with an admin client's credentials: output (tables and JSON) and exit codes, and the
 * error paths scripts rely on. The trainer's worker and the orchestrator's pipeline are off, so
 * nothing trains behind the test's back and no dataset arrives but the test's own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetCtlFleetTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Set<String> SERVICES = Set.of(
            "core-orchestrator",
            "security-gateway",
            "error-bus",
            "resource-scheduler",
            "observability-hub",
            "trainer-service",
            "inference-service");

    @TempDir
    static Path dataDir;

    @TempDir
    static Path configDir;

    static AllInOneFleet fleet;
    static Path importedModel;
    static String registryUrl;

    @BeforeAll
    static void startTheFleetAndLogIn() {
        importedModel = TinyModel.checkpoint(dataDir.resolve("trainer/imports/tiny"), 7);
        fleet = AllInOneFleet.start(
                "--server.port=0",
                "--fleet.data-dir=" + dataDir,
                "--spring.main.banner-mode=off",
                "--fleet.registry.heartbeat-interval=500ms",
                "--fleet.registry.cache-ttl=200ms",
                "--fleet.orchestrator.pipeline.enabled=false",
                "--fleet.trainer.worker.enabled=false",
                "--fleet.trainer.training.intra-op-threads=1",
                "--fleet.inference.model-dir=" + importedModel,
                "--fleet.inference.engine.intra-op-threads=1");
        registryUrl = fleet.baseUrl("core-orchestrator");
        // the first-start admin file exists only when this JVM's database was empty: make our own admin
        ClientCredentials admin = fleet.context("security-gateway")
                .getBean(ClientService.class)
                .create(new CreateClientRequest("fleetctl-e2e-" + UUID.randomUUID(), Set.copyOf(FleetScopes.ALL)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            FleetCtlRun login = run(
                    "login",
                    "--client-id",
                    admin.clientId(),
                    "--client-secret",
                    admin.clientSecret(),
                    "--url",
                    registryUrl);
            assertThat(login.exitCode()).as(login.toString()).isZero();
            assertThat(login.out()).contains("Logged in to " + registryUrl + " as client " + admin.clientId());
        });
    }

    @AfterAll
    static void stopTheFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    static FleetCtlRun run(String... args) {
        return FleetCtlRun.run(configDir, args);
    }

    static FleetCtlRun ok(String... args) {
        return FleetCtlRun.ok(configDir, args);
    }

    static JsonNode json(String... args) {
        return FleetCtlRun.json(configDir, args);
    }

    static TrainerStatus trainerSays() {
        return fleet.context("trainer-service")
                .getBean(TrainerControlService.class)
                .status();
    }

    @Test
    @Order(1)
    void statusShowsEveryServiceOfTheFleet() {
        // the twin is refreshed every few seconds, and the services register one after another
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(serviceNames(json("status"))).containsAll(SERVICES));

        assertThat(ok("status").out()).contains(SERVICES);
        JsonNode status = json("status");
        assertThat(status.has("queue")).isTrue();
    }

    private static List<String> serviceNames(JsonNode status) {
        List<String> names = new ArrayList<>();
        status.get("services")
                .forEach(s -> names.add(
                        s.has("name")
                                ? s.get("name").asString()
                                : s.get("serviceName").asString()));
        return names;
    }

    @Test
    @Order(2)
    void trainStatusPauseAndResumeAnswerWhatTheTrainerSays() {
        JsonNode status = json("train", "status");
        assertThat(status.get("state").asString())
                .isEqualTo(trainerSays().state().name());

        JsonNode paused = json("train", "pause");
        assertThat(paused.get("state").asString()).isEqualTo("PAUSED");
        assertThat(trainerSays().state()).isEqualTo(TrainerState.PAUSED);
        assertThat(ok("train", "status").out()).containsPattern("State +PAUSED");

        FleetCtlRun stop = run("train", "stop");
        assertThat(stop.exitCode()).as(stop.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(stop.err()).startsWith("fleetctl: ").contains("PAUSED").hasLineCount(1);

        FleetCtlRun resumed = ok("train", "resume");
        assertThat(resumed.out()).contains("RESUME requested").containsPattern("State +IDLE");
        assertThat(trainerSays().state()).isEqualTo(TrainerState.IDLE);

        FleetCtlRun watch = ok("train", "watch", "--plain", "--interval", "100ms");
        assertThat(watch.out().lines().toList().getLast()).startsWith("IDLE: ");
    }

    @Test
    @Order(3)
    void queueAddQueuesAValidDatasetAndTheQueueCommandsManageItsJob() throws IOException {
        Path file = dataset("addition.jsonl", additionChats(24));

        JsonNode added = json("queue", "add", file.toString(), "--priority", "low");
        assertThat(added.get("outcome").asString()).isEqualTo("ACCEPTED");
        JsonNode dataset = added.get("dataset");
        String sha = dataset.get("sha256").asString();
        String job = dataset.get("jobId").asString();
        assertThat(dataset.get("status").asString()).isEqualTo("QUEUED");
        assertThat(dataset.get("spec").asString()).isEqualTo("chat_sft_v1");

        FleetCtlRun again = ok("queue", "add", file.toString());
        assertThat(again.out())
                .containsPattern("Outcome +DUPLICATE")
                .containsPattern("SHA-256 +" + sha)
                .containsPattern("Job +" + job);

        // the scheduler may lease it to the training host's device meanwhile (no worker takes it up): any state
        JsonNode low = json("queue", "list", "--priority", "low", "--size", "200");
        assertThat(low.get("jobs").valueStream().map(j -> j.get("id").asString()))
                .contains(job);
        assertThat(ok("queue", "list", "--priority", "low", "--size", "200").out())
                .contains(job);
        assertThat(ok("queue", "status").out()).contains("PRIORITY").contains("Processing");

        assertThat(ok("queue", "move", job, "--priority", "high", "--reason", "demo")
                        .out())
                .isEqualTo("Job " + job + " is now HIGH priority\n");
        assertThat(json("queue", "list", "--priority", "high", "--size", "200")
                        .get("jobs")
                        .valueStream()
                        .map(j -> j.get("id").asString()))
                .contains(job);
        assertThat(ok("queue", "cancel", job, "--reason", "demo over").out())
                .isEqualTo("Job " + job + " is CANCELLED\n");
    }

    @Test
    @Order(4)
    void queueAddShowsEveryBadLineOfAnInvalidDatasetAndExits1() throws IOException {
        List<String> lines = new ArrayList<>(additionChats(6));
        lines.set(1, "this is not json");
        lines.set(3, "{\"messages\": [{\"role\": \"wizard\", \"content\": \"hi\"}]}");
        Path file = dataset("broken.jsonl", lines);

        FleetCtlRun run = run("queue", "add", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.out()).contains("Rejected broken.jsonl").contains("LINE").containsPattern("(?m)^2 +QUICK ");
        assertThat(run.out()).containsPattern("(?m)^4 ");
        assertThat(run.err()).startsWith("fleetctl: ").contains("rejected").contains("line 2");
    }

    @Test
    @Order(5)
    void consolidateMakesAVersionThatVersionsAndBackupsWorkWith() {
        JsonNode result =
                json("consolidate", "--description", "imported tiny model", "--checkpoint", importedModel.toString());
        assertThat(result.get("succeeded").asBoolean()).as(result.toString()).isTrue();
        String version = result.get("version").get("name").asString();

        assertThat(ok("versions", "list").out()).contains(version).contains("imported tiny model");
        assertThat(ok("versions", "show", version).out())
                .contains(version + " (current")
                .contains("full");
        assertThat(ok("versions", "restore", version).out()).startsWith(version + " is now the current model");

        JsonNode backup = json("backups", "create", "--type", "emergency", "--reason", "before the demo");
        String id = backup.get("id").asString();
        assertThat(backup.get("version").asString()).isEqualTo(version);
        assertThat(backup.get("type").asString()).isEqualTo("EMERGENCY");
        assertThat(ok("backups", "list").out()).contains(id).contains("before the demo");

        JsonNode cleanup = json("backups", "cleanup", "--retention-days", "0");
        assertThat(cleanup.get("executed").asBoolean()).isFalse();
        assertThat(cleanup.get("keptAsLastVerified").valueStream().map(JsonNode::asString))
                .contains(id);
        assertThat(ok("backups", "cleanup", "--retention-days", "0").out()).startsWith("Dry run: would remove");
        assertThat(ok("backups", "list").out()).as("a dry run removes nothing").contains(id);
    }

    @Test
    @Order(6)
    void alertsAndDecisionsAnswer() {
        assertThat(json("alerts").isArray()).isTrue();
        assertThat(ok("alerts").out()).containsAnyOf("STATE", "No alerts");
        assertThat(json("decisions").isArray()).isTrue();
    }

    @Test
    @Order(7)
    void errorsShowsAnEventOfTheBusAndFollowPrintsTheNextOne() throws Exception {
        ErrorReporter reporter = fleet.context("trainer-service").getBean(ErrorReporter.class);
        String first = "fleetctl e2e first " + UUID.randomUUID();
        reporter.event(Severity.WARNING, "fleetctl-e2e", first);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(ok("errors", "--service", "trainer-service", "--code", "fleetctl-e2e")
                                .out())
                        .contains(first)
                        .contains("WARNING"));
        JsonNode page = json("errors", "--service", "trainer-service", "--severity", "warning", "--limit", "5");
        assertThat(page.get("events").get(0).get("service").asString()).isEqualTo("trainer-service");

        StringWriter out = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread follower = Thread.ofPlatform().start(() -> {
            CommandLine cli = FleetCtl.commandLine(new FleetCtl(configDir));
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(out, true));
            exit.set(cli.execute(
                    "errors",
                    "--follow",
                    "--service",
                    "trainer-service",
                    "--code",
                    "fleetctl-e2e",
                    "--interval",
                    "200ms"));
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains(first));
        String second = "fleetctl e2e second " + UUID.randomUUID();
        reporter.event(Severity.ERROR, "fleetctl-e2e", second);
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains(second));
        follower.interrupt();
        follower.join(Duration.ofSeconds(20));

        assertThat(exit.get()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(out.toString().lines().filter(l -> l.contains(first))).hasSize(1);
        assertThat(out.toString().lines().filter(l -> l.contains(second)))
                .singleElement()
                .asString()
                .contains("ERROR");
    }

    @Test
    @Order(8)
    void chatGetsAnAnswerFromTheServedModel() {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    FleetCtlRun chat = run("chat", "Hello there", "--max-tokens", "4", "--output", "json");
                    assertThat(chat.exitCode()).as(chat.toString()).isZero();
                    JsonNode answer = JSON.readTree(chat.out());
                    assertThat(answer.get("choices")
                                    .get(0)
                                    .get("message")
                                    .get("content")
                                    .isString())
                            .isTrue();
                });

        FleetCtlRun chat = ok("chat", "What is 2+2?", "--max-tokens", "4", "--system", "Answer briefly.");
        assertThat(chat.err()).isEmpty();
    }

    @Test
    @Order(9)
    void deployLoadsAVersionOnTheInferenceHostAndRollbackWithNothingBeforeItIsRefused() {
        String version = json("versions", "list")
                .valueStream()
                .filter(v -> v.get("current").asBoolean())
                .map(v -> v.get("name").asString())
                .findFirst()
                .orElseThrow();

        JsonNode deployment = json("deploy", version, "--reason", "the imported model");
        assertThat(deployment.get("version").asString()).isEqualTo(version);
        // the orchestrator loads it on the inference host and checks it with a smoke generation; the
        // imported model is random, so whether it passes is not this test's business, only that the
        // deployment ends and is told
        JsonNode ended = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> json("decisions")
                                .valueStream()
                                .filter(d -> List.of("DEPLOY", "ROLLBACK")
                                        .contains(d.get("kind").asString()))
                                .filter(d -> d.toString().contains(version))
                                .findFirst()
                                .orElse(null),
                        d -> d != null);
        if (ended.get("kind").asString().equals("DEPLOY")) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(ok("status").out()).contains("desired " + version));
        }

        FleetCtlRun rollback = run("rollback", "--reason", "nothing came before it");
        assertThat(rollback.exitCode()).as(rollback.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(rollback.err()).startsWith("fleetctl: ").contains("(HTTP 409)");
        assertThat(json("candidates").isArray())
                .as("the loop is off in this fleet: none")
                .isTrue();
        assertThat(ok("candidates").err()).isEmpty();
    }

    @Test
    void anUnknownJobIsNotFoundWithTheSchedulersMessage() {
        String id = UUID.randomUUID().toString();

        FleetCtlRun run = run("queue", "cancel", id);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).startsWith("fleetctl: ").contains(id).contains("(HTTP 404)");
    }

    @Test
    void anUnknownVersionIsNotFoundToShowAndToDeploy() {
        FleetCtlRun show = run("versions", "show", "v999");
        // the orchestrator asks the training host through a circuit breaker, which the fleet's own
        // start (the trainer registering last) may have left open for a few seconds: then the
        // answer is "unreachable, try again" (5), which is also what a script should see
        FleetCtlRun deploy = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> run("deploy", "v999", "--reason", "there is no such version"),
                        r -> r.exitCode() != ExitCodes.UNREACHABLE);

        assertThat(show.exitCode()).as(show.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(show.err()).contains("v999");
        assertThat(deploy.exitCode()).as(deploy.toString()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void theEvolutionOfAnUnknownDatasetIsNotFound() {
        FleetCtlRun run = run("evolution", "0".repeat(64));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).startsWith("fleetctl: ").hasLineCount(1);
    }

    @Test
    void aBadPriorityIsAUsageError() throws IOException {
        Path file = dataset("any.jsonl", additionChats(3));

        FleetCtlRun run = run("queue", "add", file.toString(), "--priority", "urgent");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Invalid value for option '--priority'").contains("Usage: fleetctl queue add");
    }

    @Test
    void withoutLoginNothingIsAskedOfTheFleet(@TempDir Path emptyConfig) {
        FleetCtlRun run = FleetCtlRun.run(emptyConfig, "queue", "list", "--url", registryUrl);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_AUTHENTICATED);
        assertThat(run.err()).contains("run 'fleetctl login'");
    }

    @Test
    void aFleetThatIsDownIsUnreachableInOneLine(@TempDir Path elsewhere) throws IOException {
        CliConfig.load(configDir).withUrl("http://127.0.0.1:" + closedPort()).save(elsewhere);

        FleetCtlRun run = FleetCtlRun.run(elsewhere, "status");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(run.err())
                .startsWith("fleetctl: The fleet cannot be reached")
                .hasLineCount(1);
    }

    @Test
    void logoutForgetsTheCredentials(@TempDir Path copy) throws IOException {
        CliConfig.load(configDir).save(copy);
        assertThat(FleetCtlRun.run(copy, "queue", "status").exitCode()).isZero();

        assertThat(FleetCtlRun.run(copy, "logout").out()).isEqualTo("Logged out\n");

        assertThat(FleetCtlRun.run(copy, "queue", "status").exitCode()).isEqualTo(ExitCodes.NOT_AUTHENTICATED);
    }

    /** Chats a tiny model can learn from; the batch tag makes the content new to this JVM's database. */
    static List<String> additionChats(int count) {
        String batch = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int a = i / 10;
            int b = i % 10;
            lines.add(JSON.writeValueAsString(Map.of(
                    "messages",
                    List.of(
                            Map.of("role", "user", "content", "What is " + a + "+" + b + "? (batch " + batch + ")"),
                            Map.of("role", "assistant", "content", Integer.toString(a + b))))));
        }
        return lines;
    }

    static Path dataset(String name, List<String> lines) throws IOException {
        Path dir = Files.createTempDirectory(dataDir, "upload-");
        return Files.write(dir.resolve(name), lines);
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
