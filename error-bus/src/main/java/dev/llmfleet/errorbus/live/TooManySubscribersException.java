package dev.llmfleet.errorbus.live;

import dev.llmfleet.api.error.FleetException;

/** The error-bus serves as many live subscriptions as it is configured to, and no more. */
public class TooManySubscribersException extends FleetException {

    private TooManySubscribersException(String message) {
        super(Kind.TOO_MANY_REQUESTS, "too-many-subscribers", message);
    }

    public static TooManySubscribersException limit(int max) {
        return new TooManySubscribersException("At most " + max + " live subscriptions are served at once");
    }
}
