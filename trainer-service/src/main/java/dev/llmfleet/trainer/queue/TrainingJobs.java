package dev.llmfleet.trainer.queue;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.api.scheduler.SubmitJobRequest;
import dev.llmfleet.api.scheduler.VramEstimateRequest;
import dev.llmfleet.api.trainer.DatasetStatus;
import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.api.trainer.RunSettings;
import dev.llmfleet.starter.config.FleetStarterProperties;
import dev.llmfleet.trainer.dataset.DatasetService;
import dev.llmfleet.trainer.engine.DatasetFormat;
import dev.llmfleet.trainer.run.BaseModels;
import dev.llmfleet.trainer.run.ModelShape;
import dev.llmfleet.trainer.run.RunPolicy;
import dev.llmfleet.trainer.run.TrainingPlan;
import dev.llmfleet.trainer.validation.DatasetSpecRegistry;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

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
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private final String host;
    private final RunPolicy runs;
    private final BaseModels bases;
    private final DatasetSpecRegistry specs;

    TrainingJobs(
            SchedulerClient scheduler,
            DatasetService datasets,
            TrainingPlan plan,
            FleetStarterProperties fleet,
            RunPolicy runs,
            BaseModels bases,
            DatasetSpecRegistry specs) {
        this.runs = runs;
        this.bases = bases;
        this.specs = specs;
        this.scheduler = scheduler;
        this.datasets = datasets;
        this.plan = plan;
        this.host = fleet.instance().host();
    }

    /**
     * Submits the dataset's job; false when the scheduler could not be reached (retried later). An
     * upload submits at once while the retry loop may be looking at the same dataset: one at a time,
     * and a dataset that has its job already is left alone, so a dataset never gets two jobs.
     */
    public synchronized boolean submit(DatasetView given) {
        DatasetView dataset = datasets.find(given.sha256()).orElse(given);
        if (dataset.jobId() != null || dataset.status() != DatasetStatus.ACCEPTED) {
            return true;
        }
        try {
            RunSettings run = dataset.run() != null ? dataset.run() : runs.effective(null, format(dataset));
            VramEstimateRequest profile = plan.vramProfile(run, shape(run));
            JobResponse job = scheduler.submit(new SubmitJobRequest(
                    JobKind.TRAINING,
                    dataset.priority(),
                    PAYLOAD_PREFIX + dataset.sha256(),
                    profile.model(),
                    null,
                    profile,
                    "trainer-service",
                    host,
                    null,
                    null,
                    JSON.convertValue(run, new TypeReference<Map<String, Object>>() {})));
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

    /** The model the run will start from as its base resolves now (a deployed base may move before the job starts). */
    private ModelShape shape(RunSettings run) {
        try {
            return runs.shapeOf(bases.resolve(run.base()));
        } catch (RuntimeException e) {
            log.warn("Cannot read the base " + run.base() + " for the VRAM estimate, estimating the demo model: " + e);
            return ModelShape.of(plan.model());
        }
    }

    private DatasetFormat format(DatasetView dataset) {
        return specs.byName(dataset.spec()).orElseThrow().format();
    }

    public static String datasetOf(String payloadRef) {
        return payloadRef.startsWith(PAYLOAD_PREFIX) ? payloadRef.substring(PAYLOAD_PREFIX.length()) : payloadRef;
    }
}
