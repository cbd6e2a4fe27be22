package dev.llmfleet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "logout", description = "Forget the stored credentials.")
final class LogoutCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CliConfig.delete(global.configDir());
        spec.commandLine().getOut().println("Logged out");
        return ExitCodes.OK;
    }
}
