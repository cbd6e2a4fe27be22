package dev.llmfleet.cli;

import static dev.llmfleet.cli.FleetConnection.SCHEDULER;

import dev.llmfleet.api.scheduler.ChangePriorityRequest;
import dev.llmfleet.api.scheduler.JobActionRequest;
import dev.llmfleet.api.scheduler.JobPage;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.QueueStatus;
import dev.llmfleet.api.scheduler.SchedulerClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The fleet's one queue. */
@Command(
        name = "queue",
        description = "Add datasets to the job queue, inspect and manage it.",
        subcommands = {
            QueueAddCommand.class,
            QueueCommand.Status.class,
            QueueCommand.ListJobs.class,
            QueueCommand.Move.class,
            QueueCommand.Cancel.class
        })
final class QueueCommand {

    private static final List<JobState> COUNTED =
            List.of(JobState.QUEUED, JobState.LEASED, JobState.RUNNING, JobState.PAUSED, JobState.FAILED);

    static void printCounts(Output out, QueueStatus queue) {
        List<List<String>> rows = new ArrayList<>();
        for (JobPriority priority : JobPriority.values()) {
            List<String> row = new ArrayList<>();
            row.add(priority.toString());
            for (JobState state : COUNTED) {
                row.add(Long.toString(count(queue, priority, state)));
            }
            rows.add(row);
        }
        out.table(List.of("PRIORITY", "QUEUED", "LEASED", "RUNNING", "PAUSED", "FAILED"), rows);
    }

    static long count(QueueStatus queue, JobPriority priority, JobState state) {
        Map<JobState, Long> byState = queue.counts().get(priority);
        return byState == null ? 0 : byState.getOrDefault(state, 0L);
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
                    job.leasedHost() == null ? Formats.NONE : job.leasedHost(),
                    job.attempts() + "/" + job.maxAttempts(),
                    Formats.settings(job.settings())));
        }
        out.table(List.of("ID", "KIND", "PRIORITY", "STATE", "PAYLOAD", "HOST", "ATTEMPTS", "SETTINGS"), rows);
    }

    @Command(name = "status", description = "Counts per priority and state, what is processing, what completed lately.")
    static final class Status extends FleetCommand {
        @Override
        public Integer call() {
            QueueStatus queue = client(SCHEDULER, SchedulerClient.class).queueStatus();
            Output out = out();
            out.print(queue, () -> {
                printCounts(out, queue);
                out.line("");
                out.line("Processing");
                printJobs(out, queue.processing());
                out.line("");
                out.line("Recently completed");
                printJobs(out, queue.recentlyCompleted());
            });
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Jobs in queue order.")
    static final class ListJobs extends FleetCommand {
        @Option(names = "--state", description = "Only jobs in this state")
        JobState state;

        @Option(names = "--priority", description = "Only jobs of this priority: high, normal or low")
        JobPriority priority;

        @Option(names = "--host", description = "Only jobs for this host")
        String host;

        @Option(names = "--page", defaultValue = "0")
        int page;

        @Option(names = "--size", defaultValue = "50")
        int size;

        @Override
        public Integer call() {
            JobPage jobs = client(SCHEDULER, SchedulerClient.class).list(state, priority, host, page, size);
            Output out = out();
            out.print(jobs, () -> {
                printJobs(out, jobs.jobs());
                out.line("%d of %d jobs (page %d)".formatted(jobs.jobs().size(), jobs.totalJobs(), jobs.page()));
            });
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "move",
            description = "Move a job to another priority; it keeps its place among that priority's jobs.")
    static final class Move extends FleetCommand {
        @Parameters(index = "0", description = "The job id")
        UUID id;

        @Option(names = "--priority", required = true, description = "high, normal or low")
        JobPriority priority;

        @Option(names = "--reason")
        String reason;

        @Override
        public Integer call() {
            JobResponse job = client(SCHEDULER, SchedulerClient.class)
                    .changePriority(id, new ChangePriorityRequest(priority, who(), reason));
            Output out = out();
            out.print(job, () -> out.line("Job %s is now %s priority".formatted(job.id(), job.priority())));
            return ExitCodes.OK;
        }
    }

    @Command(name = "cancel", description = "Cancel a job.")
    static final class Cancel extends FleetCommand {
        @Parameters(index = "0", description = "The job id")
        UUID id;

        @Option(names = "--reason")
        String reason;

        @Override
        public Integer call() {
            JobResponse job = client(SCHEDULER, SchedulerClient.class).cancel(id, new JobActionRequest(who(), reason));
            Output out = out();
            out.print(job, () -> out.line("Job %s is %s".formatted(job.id(), job.state())));
            return ExitCodes.OK;
        }
    }
}
