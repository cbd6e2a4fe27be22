package dev.llmfleet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** One fleetctl command run in-process with its credentials in {@code configDir}: exit code, stdout, stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Path configDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FleetCtl.commandLine(new FleetCtl(configDir));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
