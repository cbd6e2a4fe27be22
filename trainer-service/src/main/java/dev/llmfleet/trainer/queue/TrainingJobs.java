package dev.llmfleet.trainer.queue;

import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.api.scheduler.SubmitJobRequest;
import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.starter.config.FleetStarterProperties;
import dev.llmfleet.trainer.dataset.DatasetService;
import dev.llmfleet.trainer.run.TrainingPlan;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Puts each accepted dataset on the scheduler's queue as a training job bound to this host (its
 * file lives here), with the VRAM profile of the run. A submission the scheduler does not take is
 * retried until it does; the dataset stays {@code ACCEPTED} meanwhile.
 */
@Service
public class TrainingJobs {

    private static final Log log = LogFactory.getLog(TrainingJobs.class);
    public static final String PAYLOAD_PREFIX = "sha256:";

    private final SchedulerClient scheduler;
    private final DatasetService datasets;
    private final TrainingPlan plan;
    private final String host;

    TrainingJobs(SchedulerClient scheduler, DatasetService datasets, TrainingPlan plan, FleetStarterProperties fleet) {
        this.scheduler = scheduler;
        this.datasets = datasets;
        this.plan = plan;
        this.host = fleet.instance().host();
    }

    /** Submits the dataset's job; false when the scheduler could not be reached (retried later). */
    public boolean submit(DatasetView dataset) {
        try {
            JobResponse job = scheduler.submit(new SubmitJobRequest(
                    JobKind.TRAINING,
                    dataset.priority(),
                    PAYLOAD_PREFIX + dataset.sha256(),
                    plan.training().modelName(),
                    null,
                    plan.vramProfile(),
                    "trainer-service",
                    host,
                    null,
                    null));
            datasets.queued(dataset.sha256(), job.id(), job.requiredVramMb());
            log.info("Dataset " + dataset.name() + " queued as " + job.priority() + " job " + job.id() + " ("
                    + job.requiredVramMb() + " MB)");
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not submit dataset " + dataset.sha256() + " to the scheduler, will retry: " + e);
            return false;
        }
    }

    @Scheduled(fixedDelayString = "${fleet.trainer.worker.retry-delay:2s}", initialDelayString = "2s")
    void submitWaiting() {
        for (DatasetView dataset : datasets.awaitingSubmission()) {
            if (!submit(dataset)) {
                return;
            }
        }
    }

    public static String datasetOf(String payloadRef) {
        return payloadRef.startsWith(PAYLOAD_PREFIX) ? payloadRef.substring(PAYLOAD_PREFIX.length()) : payloadRef;
    }
}
