package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.lifecycle.ConsolidateRequest;
import dev.llmfleet.api.lifecycle.ConsolidationResult;
import dev.llmfleet.api.lifecycle.LifecycleClient;
import dev.llmfleet.api.lifecycle.VersionView;
import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobPage;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.api.scheduler.SubmitJobRequest;
import dev.llmfleet.api.trainer.CheckpointInfo;
import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.api.trainer.IntakeResult;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.orchestrator.coordinator.RequestCoordinator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The pipeline's calls to the scheduler and the trainer host, each through the request
 * coordinator (time limit, retry, breaker); they throw its {@code CoordinatorException}.
 */
@Component
class PipelineCalls {

    static final String SUBMITTED_BY = "core-orchestrator";
    private static final int PAGE = 200;
    /** Enough for years of a small team's jobs; a listing never runs away. */
    private static final int MAX_PAGES = 50;

    private final RequestCoordinator coordinator;
    private final SchedulerClient scheduler;
    private final TrainerClient trainer;
    private final LifecycleClient lifecycle;

    PipelineCalls(
            RequestCoordinator coordinator,
            SchedulerClient scheduler,
            TrainerClient trainer,
            LifecycleClient lifecycle) {
        this.coordinator = coordinator;
        this.scheduler = scheduler;
        this.trainer = trainer;
        this.lifecycle = lifecycle;
    }

    /** How many TRAINING jobs wait in the queue. */
    long queuedTrainingJobs() {
        return jobs(JobState.QUEUED, null, job -> job.kind() == JobKind.TRAINING)
                .size();
    }

    /** Every TRAINING job the scheduler knows. */
    List<JobResponse> trainingJobs() {
        return jobs(null, null, job -> job.kind() == JobKind.TRAINING);
    }

    /** The job with this payload (on this host, when known), if the scheduler has one. */
    Optional<JobResponse> jobWithPayload(String payloadRef, String host) {
        return jobs(null, host, job -> payloadRef.equals(job.payloadRef())).stream()
                .findFirst();
    }

    JobResponse job(UUID id) {
        return coordinator.call("scheduler", () -> scheduler.get(id));
    }

    JobResponse submitEvaluation(String payloadRef, String host, long vramMb) {
        // HIGH: a candidate is judged before the next training batch starts, so the loop turns quickly.
        SubmitJobRequest request = new SubmitJobRequest(
                JobKind.EVALUATION,
                JobPriority.HIGH,
                payloadRef,
                null,
                vramMb,
                null,
                SUBMITTED_BY,
                host,
                null,
                null,
                null);
        return coordinator.call("scheduler", () -> scheduler.submit(request));
    }

    IntakeResult upload(String name, byte[] content) {
        return coordinator.call("trainer", () -> trainer.upload(name, JobPriority.NORMAL, content));
    }

    DatasetView dataset(String sha256) {
        return coordinator.call("trainer", () -> trainer.dataset(sha256));
    }

    List<CheckpointInfo> checkpoints(UUID jobId) {
        return coordinator.call("trainer", () -> trainer.checkpoints(jobId));
    }

    List<VersionView> versions() {
        return coordinator.call("lifecycle", lifecycle::versions);
    }

    VersionView version(String name) {
        return coordinator.call("lifecycle", () -> lifecycle.version(name));
    }

    ConsolidationResult consolidate(ConsolidateRequest request) {
        return coordinator.call("lifecycle", () -> lifecycle.consolidate(request));
    }

    private List<JobResponse> jobs(JobState state, String host, Predicate<JobResponse> wanted) {
        List<JobResponse> found = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            int number = page;
            JobPage jobs = coordinator.call("scheduler", () -> scheduler.list(state, null, host, number, PAGE));
            jobs.jobs().stream().filter(wanted).forEach(found::add);
            if (jobs.jobs().size() < PAGE) {
                break;
            }
        }
        return found;
    }
}
