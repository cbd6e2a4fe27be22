package dev.llmfleet.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What every command shares: the global options, where it prints, and one connection to the fleet. */
abstract class FleetCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    private FleetConnection connection;

    final FleetConnection fleet() {
        if (connection == null) {
            connection = global.connect();
        }
        return connection;
    }

    final <T> T client(String serviceName, Class<T> type) {
        return fleet().client(serviceName, type);
    }

    final Output out() {
        return global.output(spec.commandLine().getOut());
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A usage error found after parsing: picocli prints it with the usage and exits with {@link ExitCodes#USAGE}. */
    final ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Who asks, as the fleet records it beside changes. */
    static String who() {
        return "fleetctl:" + System.getProperty("user.name", "unknown");
    }
}
