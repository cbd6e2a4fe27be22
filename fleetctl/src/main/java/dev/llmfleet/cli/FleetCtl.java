package dev.llmfleet.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fleetctl}: drive the fleet from a terminal or a script. */
@Command(
        name = "fleetctl",
        mixinStandardHelpOptions = true,
        versionProvider = FleetCtl.Version.class,
        description = "Drive the LLM Fleet: log in, see its status, manage the queue.",
        subcommands = {
            LoginCommand.class,
            LogoutCommand.class,
            StatusCommand.class,
            QueueCommand.class,
            AutoComplete.GenerateCompletion.class
        })
public final class FleetCtl {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also what tests run. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new FleetCtl());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = FleetCtl.class.getPackage().getImplementationVersion();
            return new String[] {"fleetctl " + (version == null ? "dev" : version)};
        }
    }
}
