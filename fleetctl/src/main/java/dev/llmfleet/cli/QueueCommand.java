package dev.llmfleet.cli;

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
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The fleet's one queue. */
@Command(
        name = "queue",
        description = "Inspect and manage the job queue.",
        subcommands = {
            QueueCommand.Status.class,
            QueueCommand.ListJobs.class,
            QueueCommand.Move.class,
            QueueCommand.Cancel.class
        })
final class QueueCommand {

    static void printCounts(Output out, QueueStatus queue) {
        List<List<String>> rows = new ArrayList<>();
        for (JobPriority priority : JobPriority.values()) {
            List<String> row = new ArrayList<>();
            row.add(priority.toString());
            for (JobState state :
                    List.of(JobState.QUEUED, JobState.LEASED, JobState.RUNNING, JobState.PAUSED, JobState.FAILED)) {
                row.add(Long.toString(StatusCommand.count(queue, priority, state)));
            }
            rows.add(row);
        }
        out.table(List.of("PRIORITY", "QUEUED", "LEASED", "RUNNING", "PAUSED", "FAILED"), rows);
    }

    static String who() {
        return "fleetctl:" + System.getProperty("user.name", "unknown");
    }

    @Command(name = "status", description = "Counts per priority and state, what is processing, what completed lately.")
    static final class Status implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            QueueStatus queue = global.connect()
                    .client("resource-scheduler", SchedulerClient.class)
                    .queueStatus();
            Output out = global.output(spec.commandLine().getOut());
            out.print(queue, () -> {
                printCounts(out, queue);
                out.line("");
                out.line("Processing");
                StatusCommand.printJobs(out, queue.processing());
                out.line("");
                out.line("Recently completed");
                StatusCommand.printJobs(out, queue.recentlyCompleted());
            });
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Jobs in queue order.")
    static final class ListJobs implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

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
            JobPage jobs = global.connect()
                    .client("resource-scheduler", SchedulerClient.class)
                    .list(state, priority, host, page, size);
            Output out = global.output(spec.commandLine().getOut());
            out.print(jobs, () -> {
                StatusCommand.printJobs(out, jobs.jobs());
                out.line("%d of %d jobs (page %d)".formatted(jobs.jobs().size(), jobs.totalJobs(), jobs.page()));
            });
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "move",
            description = "Move a job to another priority; it keeps its place among that priority's jobs.")
    static final class Move implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "The job id")
        UUID id;

        @Option(names = "--priority", required = true, description = "high, normal or low")
        JobPriority priority;

        @Option(names = "--reason")
        String reason;

        @Override
        public Integer call() {
            JobResponse job = global.connect()
                    .client("resource-scheduler", SchedulerClient.class)
                    .changePriority(id, new ChangePriorityRequest(priority, who(), reason));
            Output out = global.output(spec.commandLine().getOut());
            out.print(job, () -> out.line("Job %s is now %s priority".formatted(job.id(), job.priority())));
            return ExitCodes.OK;
        }
    }

    @Command(name = "cancel", description = "Cancel a job.")
    static final class Cancel implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "The job id")
        UUID id;

        @Option(names = "--reason")
        String reason;

        @Override
        public Integer call() {
            JobResponse job = global.connect()
                    .client("resource-scheduler", SchedulerClient.class)
                    .cancel(id, new JobActionRequest(who(), reason));
            Output out = global.output(spec.commandLine().getOut());
            out.print(job, () -> out.line("Job %s is %s".formatted(job.id(), job.state())));
            return ExitCodes.OK;
        }
    }
}
