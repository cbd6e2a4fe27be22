package dev.llmfleet.trainer.control;

import dev.llmfleet.api.error.FleetException;
import dev.llmfleet.api.trainer.ControlAction;
import dev.llmfleet.api.trainer.TrainerState;

/** A control that does not apply now: resume when nothing is paused, skip when nothing trains. */
public class IllegalControlException extends FleetException {

    private IllegalControlException(String message) {
        super(Kind.CONFLICT, "illegal-control", message);
    }

    static IllegalControlException of(ControlAction action, TrainerState state) {
        return new IllegalControlException(
                "cannot " + action.name().toLowerCase(java.util.Locale.ROOT) + " while the trainer is " + state);
    }
}
