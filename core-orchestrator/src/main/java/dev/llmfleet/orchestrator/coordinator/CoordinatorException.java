package dev.llmfleet.orchestrator.coordinator;

/**
 * A call through the request coordinator that did not succeed.
 *
 * <p>{@link #retriable()} is true when the other service could not answer (down, slow, its breaker
 * open, a 5xx): the pipeline keeps its step and tries again later. It is false when the service
 * answered that the request itself is wrong (a 4xx): trying again would not help.
 */
public class CoordinatorException extends RuntimeException {

    private final String client;
    private final boolean retriable;

    public CoordinatorException(String client, boolean retriable, String message, Throwable cause) {
        super(message, cause);
        this.client = client;
        this.retriable = retriable;
    }

    /** The named client the call went through, e.g. {@code trainer}. */
    public String client() {
        return client;
    }

    public boolean retriable() {
        return retriable;
    }
}
