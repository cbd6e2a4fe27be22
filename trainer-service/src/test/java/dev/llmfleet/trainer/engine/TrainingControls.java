package dev.llmfleet.trainer.engine;

/** What a {@link TrainingControl} was asked, for tests outside the engine package. */
public final class TrainingControls {

    private TrainingControls() {}

    public static boolean stopRequested(TrainingControl control) {
        return control.stopRequested();
    }
}
