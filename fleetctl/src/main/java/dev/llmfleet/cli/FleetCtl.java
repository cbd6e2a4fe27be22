package dev.llmfleet.cli;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** {@code fleetctl}: drive the fleet from a terminal or a script. */
@Command(
        name = "fleetctl",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = FleetCtl.Version.class,
        description = {
            "Drive the LLM Fleet: its status, the queue, training, versions and backups, deployments,"
                    + " alerts, errors, and chat with the served model.",
            "Every command prints a table, or the API's JSON with --output json."
        },
        subcommands = {
            LoginCommand.class,
            LogoutCommand.class,
            StatusCommand.class,
            QueueCommand.class,
            TrainCommand.class,
            VersionsCommand.class,
            ConsolidateCommand.class,
            BackupsCommand.class,
            DeployCommand.class,
            DeployCommand.Rollback.class,
            CandidatesCommand.class,
            CandidatesCommand.Decisions.class,
            EvolutionCommand.class,
            AlertsCommand.class,
            ErrorsCommand.class,
            ChatCommand.class,
            AutoComplete.GenerateCompletion.class
        })
public final class FleetCtl {

    static final Map<String, String> EXIT_CODES = exitCodes();

    private final Path configDir;

    /** Credentials in {@code $FLEETCTL_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/fleetctl}, else {@code ~/.config/fleetctl}. */
    public FleetCtl() {
        this(CliConfig.directory());
    }

    /** Credentials in {@code configDir}: for tests and for programs that embed fleetctl. */
    public FleetCtl(Path configDir) {
        this.configDir = configDir;
    }

    public Path configDir() {
        return configDir;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also what tests run. */
    public static CommandLine commandLine() {
        return commandLine(new FleetCtl());
    }

    /** The command line for {@code fleetCtl}: enum values in any case, failures as one line and an exit code. */
    public static CommandLine commandLine(FleetCtl fleetCtl) {
        CommandLine cli = new CommandLine(fleetCtl);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // set here, not in @Command, so that subcommands (which inherit its attributes) do not repeat it
        cli.getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(EXIT_CODES);
        return cli;
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("  " + ExitCodes.OK, "done");
        codes.put(
                "  " + ExitCodes.FAILURE,
                "the fleet refused or failed it (a rejected dataset, an illegal state change, a failed consolidation)");
        codes.put(
                "  " + ExitCodes.USAGE,
                "usage error (unknown option, missing argument, a value such as --priority outside its set)");
        codes.put(
                "  " + ExitCodes.NOT_AUTHENTICATED,
                "not logged in, or the credentials were refused: run 'fleetctl login'");
        codes.put("  " + ExitCodes.NOT_FOUND, "not found (unknown job, version, dataset, backup, snapshot)");
        codes.put("  " + ExitCodes.UNREACHABLE, "the fleet, or the service the command needs, cannot be reached");
        codes.put(
                Integer.toString(ExitCodes.INTERRUPTED),
                "interrupted (Ctrl-C) while following (train watch, errors --follow)");
        return Collections.unmodifiableMap(codes);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = FleetCtl.class.getPackage().getImplementationVersion();
            return new String[] {"fleetctl " + (version == null ? "dev" : version)};
        }
    }
}
