package dev.llmfleet.cli;

import static dev.llmfleet.cli.FleetConnection.ORCHESTRATOR;

import dev.llmfleet.api.orchestrator.DeployRequest;
import dev.llmfleet.api.orchestrator.DeploymentView;
import dev.llmfleet.api.orchestrator.OrchestratorClient;
import dev.llmfleet.api.orchestrator.RollbackRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Rolls a version out to the inference hosts through the orchestrator, which checks and rolls back. */
@Command(
        name = "deploy",
        description = "Deploy a version to every inference host (health-checked, rolled back on failure).")
final class DeployCommand extends FleetCommand {

    @Parameters(index = "0", paramLabel = "VERSION", description = "A version name (v003) or latest")
    String version;

    @Option(names = "--reason", description = "Why, kept with the deployment")
    String reason;

    @Override
    public Integer call() {
        DeploymentView deployment =
                client(ORCHESTRATOR, OrchestratorClient.class).deploy(new DeployRequest(version, reason));
        print(out(), deployment);
        return ExitCodes.OK;
    }

    static void print(Output out, DeploymentView d) {
        out.print(d, () -> {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("Deployment", Formats.text(d.id()));
            fields.put("Version", Formats.text(d.version()));
            fields.put("Previous", Formats.text(d.previousVersion()));
            fields.put("State", Formats.text(d.state()));
            fields.put("Detail", d.detail());
            fields.put("Reason", d.reason());
            fields.put("Requested by", d.requestedBy());
            fields.put("Started", Formats.time(d.startedAt()));
            fields.put("Finished", d.finishedAt() == null ? null : Formats.time(d.finishedAt()));
            out.fields(fields);
        });
    }

    @Command(name = "rollback", description = "Go back to the version deployed before the current one.")
    static final class Rollback extends FleetCommand {
        @Option(names = "--reason", description = "Why, kept with the rollback")
        String reason;

        @Override
        public Integer call() {
            DeploymentView deployment =
                    client(ORCHESTRATOR, OrchestratorClient.class).rollback(new RollbackRequest(reason));
            print(out(), deployment);
            return ExitCodes.OK;
        }
    }
}
