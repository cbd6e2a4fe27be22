package dev.llmfleet.cli;

import dev.llmfleet.api.registry.ServiceSummary;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.QueueStatus;
import dev.llmfleet.api.scheduler.SchedulerClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The fleet in one screen: services, and the queue with what is processing. */
@Command(name = "status", description = "Show the fleet: services, queue, what is running.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        FleetConnection fleet = global.connect();
        List<ServiceSummary> services = fleet.registry().services();
        QueueStatus queue =
                fleet.client("resource-scheduler", SchedulerClient.class).queueStatus();
        Output out = global.output(spec.commandLine().getOut());
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
            printJobs(out, queue.processing());
        });
        return ExitCodes.OK;
    }

    static void printJobs(Output out, List<JobResponse> jobs) {
        if (jobs.isEmpty()) {
            out.line("  (none)");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JobResponse job : jobs) {
            rows.add(List.of(
                    job.id().toString(),
                    job.kind().toString(),
                    job.priority().toString(),
                    job.state().toString(),
                    String.valueOf(job.payloadRef()),
                    job.leasedHost() == null ? "-" : job.leasedHost(),
                    job.attempts() + "/" + job.maxAttempts()));
        }
        out.table(List.of("ID", "KIND", "PRIORITY", "STATE", "PAYLOAD", "HOST", "ATTEMPTS"), rows);
    }

    static long count(QueueStatus queue, JobPriority priority, JobState state) {
        Map<JobState, Long> byState = queue.counts().get(priority);
        return byState == null ? 0 : byState.getOrDefault(state, 0L);
    }
}
