package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.error.FleetException;
import java.util.UUID;

/** A promotion the candidate's state forbids. */
public class PromotionRefusedException extends FleetException {

    private PromotionRefusedException(String code, String message) {
        super(Kind.CONFLICT, code, message);
    }

    static PromotionRefusedException regression(UUID id, double loss, double best) {
        return new PromotionRefusedException(
                "candidate-regression",
                "Candidate %s is a regression (validation loss %.4f against the best %.4f); promote it with force=true"
                        .formatted(id, loss, best));
    }

    static PromotionRefusedException notEvaluated(UUID id) {
        return new PromotionRefusedException(
                "candidate-not-evaluated", "Candidate " + id + " has no evaluation report yet");
    }

    static PromotionRefusedException alreadyDeployed(UUID id, String version) {
        return new PromotionRefusedException(
                "candidate-already-deployed", "Candidate " + id + " is deployed already as " + version);
    }

    /** {@code why} completes "The run of candidate ... ". */
    static PromotionRefusedException busy(UUID id, String why) {
        return new PromotionRefusedException("candidate-busy", "The run of candidate " + id + " " + why);
    }
}
