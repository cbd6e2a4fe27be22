package dev.llmfleet.trainer.dataset;

import dev.llmfleet.api.error.FleetException;
import dev.llmfleet.api.trainer.DatasetStatus;

public class IllegalDatasetTransitionException extends FleetException {

    private IllegalDatasetTransitionException(String message) {
        super(Kind.CONFLICT, "illegal-dataset-transition", message);
    }

    static IllegalDatasetTransitionException of(String sha256, DatasetStatus from, DatasetStatus to) {
        return new IllegalDatasetTransitionException("dataset " + sha256 + " cannot move from " + from + " to " + to);
    }
}
