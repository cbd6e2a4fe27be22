package dev.llmfleet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** Options every command takes. */
public class GlobalOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--url",
            scope = ScopeType.INHERIT,
            description =
                    "The fleet's registry URL (default: the one stored at login, else $FLEET_URL, else http://localhost:7000)")
    String url;

    @Option(
            names = {"-o", "--output"},
            scope = ScopeType.INHERIT,
            defaultValue = "table",
            description = "table (default) or json")
    Output.Format format;

    /** The folder of the {@link FleetCtl} this command runs in, so that tests and embedders can choose it. */
    Path configDir() {
        if (mixee != null && mixee.root().userObject() instanceof FleetCtl fleetCtl) {
            return fleetCtl.configDir();
        }
        return CliConfig.directory();
    }

    CliConfig config() {
        CliConfig stored = CliConfig.load(configDir());
        if (url != null) {
            return stored.withUrl(url);
        }
        String env = System.getenv("FLEET_URL");
        return env != null && !env.isBlank() && stored.url().equals(CliConfig.DEFAULT_URL)
                ? stored.withUrl(env)
                : stored;
    }

    FleetConnection connect() {
        return new FleetConnection(config());
    }

    Output output(PrintWriter out) {
        return new Output(format == null ? Output.Format.table : format, out);
    }
}
