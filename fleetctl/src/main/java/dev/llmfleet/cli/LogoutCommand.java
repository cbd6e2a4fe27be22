package dev.llmfleet.cli;

import picocli.CommandLine.Command;

@Command(name = "logout", description = "Forget the stored credentials.")
final class LogoutCommand extends FleetCommand {

    @Override
    public Integer call() {
        CliConfig.delete(global.configDir());
        spec.commandLine().getOut().println("Logged out");
        return ExitCodes.OK;
    }
}
