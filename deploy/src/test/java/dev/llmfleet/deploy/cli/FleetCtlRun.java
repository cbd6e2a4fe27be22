package dev.llmfleet.deploy.cli;

import dev.llmfleet.cli.FleetCtl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** One fleetctl command run in this JVM, as a user would type it, with its credentials in {@code configDir}. */
record FleetCtlRun(int exitCode, String out, String err) {

    static FleetCtlRun run(Path configDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FleetCtl.commandLine(new FleetCtl(configDir));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new FleetCtlRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
