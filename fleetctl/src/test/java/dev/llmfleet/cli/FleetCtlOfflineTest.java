package dev.llmfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What fleetctl does without a fleet to talk to: usage errors, missing login, a fleet that is down. */
class FleetCtlOfflineTest {

    @TempDir
    Path configDir;

    record Run(int exitCode, String out, String err) {}

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FleetCtl.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
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
    void refusesToCallTheFleetBeforeLoginWithExitCode3() {
        System.setProperty("fleetctl.config-dir", configDir.toString());
        try {
            Run run = run("queue", "list", "--url", "http://127.0.0.1:1");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_AUTHENTICATED);
            assertThat(run.err()).contains("fleetctl login");
        } finally {
            System.clearProperty("fleetctl.config-dir");
        }
    }

    @Test
    void aFleetThatIsDownGivesExitCode5AndOneLineWithoutAStackTrace() {
        Run run = run("status", "--url", "http://127.0.0.1:1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(run.err())
                .startsWith("fleetctl: The fleet cannot be reached")
                .doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void aBadPriorityIsAUsageErrorWithExitCode2() {
        Run run = run("queue", "move", "6f1c1b7e-2d0e-4b7a-9a59-1f0c6a4f0d11", "--priority", "urgent");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("urgent").contains("HIGH, NORMAL, LOW");
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
    void printsTheApiShapesAsJsonForScripts() {
        StringWriter text = new StringWriter();
        new Output(Output.Format.json, new PrintWriter(text)).print(new CliConfig("u", null, null, "k"), () -> {});

        assertThat(text.toString()).contains("\"apiKey\" : \"k\"");
    }
}
