package dev.llmfleet.trainer.control;

import dev.llmfleet.api.scheduler.JobActionRequest;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.api.trainer.ControlAction;
import dev.llmfleet.api.trainer.TrainerState;
import dev.llmfleet.api.trainer.TrainerStatus;
import dev.llmfleet.trainer.engine.EvaluationResult;
import dev.llmfleet.trainer.engine.StepProgress;
import dev.llmfleet.trainer.engine.TrainingControl;
import dev.llmfleet.trainer.storage.TrainerPaths;
import java.time.Clock;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Graceful control of the host's workers, from REST and from signal files, and the state everyone
 * reads. Pause, stop and skip only ask, and ask every run in progress (one per device): each
 * finishes its batch and checkpoints, then its worker tells the scheduler (paused, paused, skipped)
 * and moves on. Resume puts the paused jobs back on the queue, where the workers take them again
 * and continue from their checkpoints.
 */
@Service
public class TrainerControlService {

    private static final Log log = LogFactory.getLog(TrainerControlService.class);

    private final WorkerState state;
    private final SchedulerClient scheduler;

    TrainerControlService(TrainerPaths paths, JsonMapper json, SchedulerClient scheduler, Clock clock) {
        StateFile file = new StateFile(paths, json);
        this.state = new WorkerState(clock, file::write);
        this.scheduler = scheduler;
        file.write(state.status());
    }

    public TrainerStatus status() {
        return state.status();
    }

    public synchronized TrainerStatus request(ControlAction action) {
        if (action == ControlAction.RESUME) {
            state.pausedJobs().forEach(this::requeue);
        }
        state.request(action);
        log.info("Control " + action + ": " + state.status().lastEvent());
        return state.status();
    }

    private void requeue(UUID job) {
        try {
            scheduler.resume(job, new JobActionRequest("trainer-service", "resumed on the trainer"));
        } catch (HttpClientErrorException.Conflict alreadyMoved) {
            log.info("Job " + job + " was already moved on the scheduler: " + alreadyMoved.getMessage());
        }
    }

    // ---- the worker's side -------------------------------------------------------------------

    // A host trains one run per device, so every call names the run's job.

    public void started(RunStart run, TrainingControl control) {
        state.started(run, control);
    }

    public void stepped(UUID jobId, StepProgress progress) {
        state.stepped(jobId, progress);
    }

    public void evaluated(UUID jobId, EvaluationResult evaluation) {
        state.evaluated(jobId, evaluation);
    }

    public void checkpointed(UUID jobId, long step) {
        state.checkpointed(jobId, step);
    }

    /** The status with the figures of {@code jobId}'s run while it runs. */
    public TrainerStatus status(UUID jobId) {
        return state.status(jobId);
    }

    /** TRAINING when the run may end as it likes; PAUSING, STOPPING or SKIPPING when an operator asked. */
    public TrainerState ending(UUID jobId) {
        return state.ending(jobId);
    }

    /** The run is over; {@code waitingJob} is the job a pause leaves to resume (null when none). */
    public void ended(UUID jobId, String event, UUID waitingJob) {
        state.ended(jobId, event, waitingJob);
    }

    public void note(String event) {
        state.note(event);
    }

    /** Blocks while paused or pausing, up to {@code millis}; true when the worker may take work. */
    public boolean awaitWork(long millis) throws InterruptedException {
        return state.awaitWork(millis);
    }
}
