package dev.llmfleet.observability.run;

import dev.llmfleet.api.observability.RunProgress;
import dev.llmfleet.api.observability.RunState;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.api.trainer.TrainerState;
import dev.llmfleet.api.trainer.TrainerStatus;
import dev.llmfleet.observability.fleet.SourceStatuses;
import dev.llmfleet.starter.registry.FleetHttpClients;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the trainer's live status through the registry and reports it to the run monitor as the run
 * {@code job-<jobId>}. When the trainer leaves a job, the scheduler says how the job ended
 * (completed, failed, or stopped otherwise), which finishes the run.
 */
@Component
class TrainerSource {

    private static final Log log = LogFactory.getLog(TrainerSource.class);
    static final String TRAINER = "trainer-service";

    private final TrainerClient trainer;
    private final SchedulerClient scheduler;
    private final RunMonitor monitor;
    private final SourceStatuses sources;
    private UUID following;
    private String dataset;

    TrainerSource(FleetHttpClients clients, RunMonitor monitor, SourceStatuses sources) {
        this.trainer = clients.client(TRAINER, TrainerClient.class);
        this.scheduler = clients.client("resource-scheduler", SchedulerClient.class);
        this.monitor = monitor;
        this.sources = sources;
    }

    @Scheduled(
            fixedDelayString = "${fleet.observability.sources.poll-interval:15s}",
            initialDelayString = "${fleet.observability.sources.poll-interval:15s}")
    synchronized void poll() {
        TrainerStatus status;
        try {
            status = trainer.status();
        } catch (RuntimeException e) {
            sources.down("trainer", "trainer-service did not answer: " + e.getMessage());
            return;
        }
        if (following != null && !following.equals(status.jobId())) {
            finish(following);
        }
        if (status.jobId() == null || status.state() == TrainerState.IDLE) {
            sources.up("trainer", "idle");
            return;
        }
        following = status.jobId();
        dataset = status.datasetName() != null ? status.datasetName() : status.dataset();
        RunState state = status.state() == TrainerState.PAUSED ? RunState.PAUSED : RunState.RUNNING;
        monitor.report(new RunProgress(
                runId(status.jobId()),
                dataset,
                state,
                status.step(),
                status.totalSteps(),
                status.loss(),
                status.validationLoss(),
                status.tokensPerSecond(),
                null));
    }

    private void finish(UUID jobId) {
        RunState outcome;
        try {
            JobResponse job = scheduler.get(jobId);
            outcome = switch (job.state()) {
                case COMPLETED -> RunState.COMPLETED;
                case FAILED -> RunState.FAILED;
                default -> RunState.STOPPED;
            };
        } catch (RuntimeException e) {
            log.warn("Cannot tell how job %s ended; its run stays open: %s".formatted(jobId, e.getMessage()));
            return;
        }
        RunProgress last = new RunProgress(
                runId(jobId), dataset, outcome, monitor.run(runId(jobId)).step(), 0, null, null, null, null);
        monitor.report(last);
        following = null;
    }

    static String runId(UUID jobId) {
        return "job-" + jobId;
    }
}
