package dev.llmfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What fleetctl does without a fleet to talk to: usage errors, missing login, a fleet that is down. */
class FleetCtlOfflineTest {

    @TempDir
    Path configDir;

    CliRun run(String... args) {
        return CliRun.run(configDir, args);
    }

    @Test
    void storesCredentialsReadableOnlyByTheOwner() throws Exception {
        new CliConfig("http://fleet:7000", "ops", "s3cret", null).save(configDir);

        Path file = configDir.resolve(CliConfig.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(CliConfig.load(configDir)).isEqualTo(new CliConfig("http://fleet:7000", "ops", "s3cret", null));
    }

    @Test
    void keepsTheScopesAClientLoggedInWith() {
        new CliConfig("http://fleet:7000", "viewer", "s", null, List.of("fleet:read")).save(configDir);

        assertThat(CliConfig.load(configDir).scopes()).containsExactly("fleet:read");
    }

    @Test
    void credentialsStoredWithoutScopesAskForWhatFleetctlNeeds() throws IOException {
        Files.writeString(configDir.resolve(CliConfig.FILE), "url=http://fleet:7000\nclient_id=ops\nclient_secret=s\n");

        assertThat(CliConfig.load(configDir).scopes()).containsExactly("fleet:read", "fleet:operate", "inference:use");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "queue list",
                "status",
                "train status",
                "versions list",
                "backups list",
                "errors",
                "alerts",
                "chat hello",
                "deploy v001"
            })
    void refusesToCallTheFleetBeforeLoginWithExitCode3(String command) {
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--url", "http://127.0.0.1:1"));

        CliRun run = run(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_AUTHENTICATED);
        assertThat(run.err()).contains("run 'fleetctl login'");
    }

    @Test
    void aFleetThatIsDownGivesExitCode5AndOneLineWithoutAStackTrace() throws IOException {
        new CliConfig("http://127.0.0.1:" + closedPort(), null, null, "fleet_key").save(configDir);

        CliRun run = run("status");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(run.err())
                .startsWith("fleetctl: The fleet cannot be reached")
                .contains("connection refused")
                .doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void aBadPriorityIsAUsageErrorWithExitCode2() {
        CliRun run = run("queue", "move", "6f1c1b7e-2d0e-4b7a-9a59-1f0c6a4f0d11", "--priority", "urgent");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("urgent").contains("HIGH, NORMAL, LOW");
    }

    @Test
    void queueAddRefusesABadPriorityWithPicocliUsageBeforeReadingTheFile() throws IOException {
        Path file = Files.writeString(configDir.resolve("data.jsonl"), "{}\n");

        CliRun run = run("queue", "add", file.toString(), "--priority", "urgent");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("Invalid value for option '--priority'")
                .contains("HIGH, NORMAL, LOW")
                .contains("Usage: fleetctl queue add");
    }

    @Test
    void queueAddOfAMissingFileIsAUsageError() {
        CliRun run = run("queue", "add", configDir.resolve("absent.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("No such file");
    }

    @Test
    void onlyEmergencyBackupsCanBeCreatedOnDemand() {
        CliRun run = run("backups", "create", "--type", "pre_deletion", "--reason", "test");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Only emergency backups");
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "0", "-1s"})
    void anIntervalThatIsNotAPositiveDurationIsAUsageError(String interval) {
        CliRun run = run("train", "watch", "--interval", interval);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--interval");
    }

    @Test
    void consolidateWithoutADescriptionIsAUsageError() {
        CliRun run = run("consolidate", "--checkpoint", "/data/trainer/runs/x/checkpoints/step-00000010");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--description");
    }

    @Test
    void theTopLevelHelpDocumentsEveryExitCode() {
        CliRun run = run("--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("Exit codes:")
                .contains("fleetctl login")
                .contains("not found")
                .contains("cannot be reached")
                .contains("130");
        for (String command : List.of(
                "status",
                "queue",
                "train",
                "versions",
                "consolidate",
                "backups",
                "deploy",
                "rollback",
                "evolution",
                "alerts",
                "errors",
                "chat")) {
            assertThat(run.out()).contains("  " + command + " ");
        }
    }

    @Test
    void everySubcommandHasHelp() {
        CliRun run = run("queue", "add", "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Usage: fleetctl queue add").contains("--priority");
    }

    @Test
    void generatesABashCompletionScriptThatKnowsTheCommands() {
        CliRun run = run("generate-completion");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("fleetctl").contains("watch").contains("consolidate");
    }

    @Test
    void printsTablesWithAlignedColumns() {
        StringWriter text = new StringWriter();
        new Output(Output.Format.table, new PrintWriter(text))
                .table(
                        List.of("SERVICE", "UP"),
                        List.of(List.of("resource-scheduler", "1"), List.of("error-bus", "2")));

        assertThat(text.toString().lines())
                .containsExactly("SERVICE             UP", "resource-scheduler  1", "error-bus           2");
    }

    @Test
    void printsFieldsAlignedAndLeavesOutThoseWithoutAValue() {
        StringWriter text = new StringWriter();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("State", "TRAINING");
        fields.put("Paused job", null);
        fields.put("Last event", "step 3");

        new Output(Output.Format.table, new PrintWriter(text)).fields(fields);

        assertThat(text.toString().lines()).containsExactly("State       TRAINING", "Last event  step 3");
    }

    @Test
    void printsTheApiShapesAsJsonForScripts() {
        StringWriter text = new StringWriter();
        new Output(Output.Format.json, new PrintWriter(text)).print(new CliConfig("u", null, null, "k"), () -> {});

        assertThat(text.toString()).contains("\"apiKey\" : \"k\"");
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
