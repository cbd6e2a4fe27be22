package dev.llmfleet.api.lifecycle;

/** Protect {@code checkpoint} from retention while {@code holder} (a job id, a deployment) needs it. */
public record CheckpointPinRequest(String checkpoint, PinKind kind, String holder) {

    /** Who needs a checkpoint. */
    public enum PinKind {
        DEPLOYMENT,
        RUNNING_JOB,
        PAUSED_JOB
    }
}
