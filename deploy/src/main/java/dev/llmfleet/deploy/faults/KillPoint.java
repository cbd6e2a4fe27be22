package dev.llmfleet.deploy.faults;

import dev.llmfleet.model.faults.HoldPoints;
import java.util.List;
import java.util.Optional;

/** Where a trainer life ends in a SIGKILL: a random moment of training, or a place a hold point marks. */
public enum KillPoint {
    /** A random moment while the trainer works (no hold point). */
    TRAINING(List.of()),
    /** A checkpoint's files are written in its temporary folder, not yet renamed. */
    CHECKPOINT_WRITE(List.of(HoldPoints.CHECKPOINT_WRITE)),
    /** An evaluation job is answering its questions. */
    EVALUATION(List.of(HoldPoints.EVALUATION)),
    /** A consolidation built and verified a version, not yet published. */
    CONSOLIDATION(List.of(HoldPoints.CONSOLIDATION));

    private final List<String> holdPoints;

    KillPoint(List<String> holdPoints) {
        this.holdPoints = holdPoints;
    }

    List<String> holdPoints() {
        return holdPoints;
    }

    /** The kill point a hold marker ({@code <point>.held}) stands for. */
    static Optional<KillPoint> ofMarker(String fileName) {
        for (KillPoint point : values()) {
            for (String hold : point.holdPoints) {
                if (fileName.equals(hold + ".held")) {
                    return Optional.of(point);
                }
            }
        }
        return Optional.empty();
    }
}
