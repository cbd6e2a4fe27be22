package dev.llmfleet.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.cli.FleetCtl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One fleetctl command run in this JVM, as a user would type it, with its credentials in {@code configDir}. */
record FleetCtlRun(int exitCode, String out, String err) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static FleetCtlRun run(Path configDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FleetCtl.commandLine(new FleetCtl(configDir));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new FleetCtlRun(code, out.toString(), err.toString());
    }

    /** Runs the command and asserts that it succeeded. */
    static FleetCtlRun ok(Path configDir, String... args) {
        FleetCtlRun run = run(configDir, args);
        assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run).isZero();
        return run;
    }

    /** Runs the command with {@code --output json}, asserts that it succeeded, and reads what it printed. */
    static JsonNode json(Path configDir, String... args) {
        String[] withJson =
                Stream.concat(Stream.of(args), Stream.of("--output", "json")).toArray(String[]::new);
        return JSON.readTree(ok(configDir, withJson).out());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
