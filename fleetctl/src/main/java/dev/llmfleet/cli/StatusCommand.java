package dev.llmfleet.cli;

import static dev.llmfleet.cli.FleetConnection.ORCHESTRATOR;
import static dev.llmfleet.cli.FleetConnection.SCHEDULER;

import dev.llmfleet.api.orchestrator.FleetTwin;
import dev.llmfleet.api.orchestrator.OrchestratorClient;
import dev.llmfleet.api.registry.ServiceSummary;
import dev.llmfleet.api.scheduler.QueueStatus;
import dev.llmfleet.api.scheduler.SchedulerClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.client.HttpClientErrorException;
import picocli.CommandLine.Command;

/**
 * The fleet in one screen: the orchestrator's digital twin (services, hosts, GPUs, queue, the run,
 * deployed against desired versions, drift). An orchestrator without a twin gets the registry's
 * service counts and the scheduler's queue instead.
 */
@Command(
        name = "status",
        description = "Show the fleet: services, hosts, GPUs, queue, the run, deployed versions, drift.")
final class StatusCommand extends FleetCommand {

    @Override
    public Integer call() {
        FleetTwin twin;
        try {
            twin = client(ORCHESTRATOR, OrchestratorClient.class).twin();
        } catch (HttpClientErrorException.NotFound noTwin) {
            return registryAndQueue();
        }
        Output out = out();
        out.print(twin, () -> TwinPrinter.print(out, twin));
        return ExitCodes.OK;
    }

    private int registryAndQueue() {
        List<ServiceSummary> services = fleet().registry().services();
        QueueStatus queue = client(SCHEDULER, SchedulerClient.class).queueStatus();
        Output out = out();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("services", services);
        status.put("queue", queue);
        out.print(status, () -> {
            out.line("Services");
            out.table(
                    List.of("SERVICE", "UP", "DOWN"),
                    services.stream()
                            .map(s -> List.of(s.serviceName(), Integer.toString(s.up()), Integer.toString(s.down())))
                            .toList());
            out.line("");
            QueueCommand.printCounts(out, queue);
            out.line("");
            out.line("Processing");
            QueueCommand.printJobs(out, queue.processing());
        });
        return ExitCodes.OK;
    }
}
