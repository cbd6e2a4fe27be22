package dev.llmfleet.trainer.engine;

/** Lets another thread ask a run to stop after its current step; the engine then saves a checkpoint. */
public final class TrainingControl {

    private volatile boolean stopRequested;

    public void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }
}
