package dev.llmfleet.trainer.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.trainer.ControlAction;
import dev.llmfleet.api.trainer.TrainerState;
import dev.llmfleet.api.trainer.TrainerStatus;
import dev.llmfleet.trainer.engine.TrainingControl;
import dev.llmfleet.trainer.engine.TrainingControls;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A host trains one run per device: an operator's control applies to every run. */
class WorkerStateTest {

    final List<TrainerStatus> written = new ArrayList<>();
    final WorkerState state = new WorkerState(Clock.systemUTC(), written::add);

    @Test
    void aPauseStopsEveryRunAndTheHostIsPausedOnceTheLastOneCheckpointed() throws InterruptedException {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        TrainingControl firstEngine = start(first);
        TrainingControl secondEngine = start(second);
        assertThat(state.state()).isEqualTo(TrainerState.TRAINING);

        state.request(ControlAction.PAUSE);

        assertThat(TrainingControls.stopRequested(firstEngine)).isTrue();
        assertThat(TrainingControls.stopRequested(secondEngine)).isTrue();
        assertThat(state.ending(first)).isEqualTo(TrainerState.PAUSING);
        assertThat(state.awaitWork(1)).as("no new work while pausing").isFalse();
        state.ended(first, "paused job " + first, first);
        assertThat(state.state()).isEqualTo(TrainerState.PAUSING);
        state.ended(second, "paused job " + second, second);
        assertThat(state.state()).isEqualTo(TrainerState.PAUSED);
        assertThat(state.status().pausedJobId()).isEqualTo(first);

        assertThat(state.request(ControlAction.RESUME)).containsExactly(first, second);
        assertThat(state.state()).isEqualTo(TrainerState.IDLE);
        assertThat(state.awaitWork(1)).isTrue();
    }

    @Test
    void eachRunKeepsItsOwnFiguresAndTheStatusShowsTheOldestStillRunning() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        start(first);
        start(second);

        state.checkpointed(second, 40);

        assertThat(state.status().jobId()).isEqualTo(first);
        assertThat(state.status().checkpointStep()).isNull();
        assertThat(state.status(second).checkpointStep()).isEqualTo(40L);
        state.ended(first, "completed job " + first, null);
        assertThat(state.state()).isEqualTo(TrainerState.TRAINING);
        assertThat(state.status().jobId()).isEqualTo(second);
        assertThat(state.status().checkpointStep()).isEqualTo(40L);
        state.ended(second, "completed job " + second, null);
        assertThat(state.state()).isEqualTo(TrainerState.IDLE);
        assertThat(state.status().jobId()).as("the last run stays in view").isEqualTo(second);
        assertThat(state.status().leaseId()).isNull();
    }

    @Test
    void aRunStartingOnAnotherDeviceWhileOneIsStoppedTrainsAsUsual() {
        UUID stopped = UUID.randomUUID();
        start(stopped);
        state.request(ControlAction.STOP);

        UUID other = UUID.randomUUID();
        TrainingControl otherEngine = start(other);

        assertThat(TrainingControls.stopRequested(otherEngine)).isFalse();
        assertThat(state.ending(other)).isEqualTo(TrainerState.TRAINING);
        assertThat(state.state()).isEqualTo(TrainerState.STOPPING);
        state.ended(stopped, "stopped job " + stopped, stopped);
        assertThat(state.state()).isEqualTo(TrainerState.TRAINING);
    }

    private TrainingControl start(UUID job) {
        TrainingControl engine = new TrainingControl();
        state.started(new RunStart(job, UUID.randomUUID(), "sha", "data.jsonl", 100, null), engine);
        return engine;
    }
}
