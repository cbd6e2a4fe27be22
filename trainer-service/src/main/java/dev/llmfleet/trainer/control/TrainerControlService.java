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
 * Graceful control of the worker, from REST and from signal files, and the state everyone reads.
 * Pause, stop and skip only ask: the run finishes its batch and checkpoints, then the worker tells
 * the scheduler (paused, paused, skipped) and moves on. Resume puts the paused job back on the
 * queue, where the worker takes it again and continues from its checkpoint.
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
            UUID job = state.pausedJob();
            if (job != null) {
                requeue(job);
            }
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

    public void started(RunStart run, TrainingControl control) {
        state.started(run, control);
    }

    public void stepped(StepProgress progress) {
        state.stepped(progress);
    }

    public void evaluated(EvaluationResult evaluation) {
        state.evaluated(evaluation);
    }

    public void checkpointed(long step) {
        state.checkpointed(step);
    }

    /** TRAINING when the run may end as it likes; PAUSING, STOPPING or SKIPPING when an operator asked. */
    public TrainerState ending() {
        return state.ending();
    }

    /** The run is over; {@code waitingJob} is the job a pause leaves to resume (null when none). */
    public void ended(String event, UUID waitingJob) {
        state.ended(event, waitingJob);
    }

    public void note(String event) {
        state.note(event);
    }

    /** Blocks while paused, up to {@code millis}; true when the worker may take work. */
    public boolean awaitWork(long millis) throws InterruptedException {
        return state.awaitWork(millis);
    }
}
