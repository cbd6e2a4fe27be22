package dev.llmfleet.orchestrator.deployment;

import dev.llmfleet.orchestrator.coordinator.CoordinatorException;
import org.springframework.web.client.HttpClientErrorException;

/**
 * A deployment step that did not succeed. Retriable: it may succeed later (a host down, busy, not
 * ready yet), so the step is tried again until its deadline. Not retriable: the host answered that
 * it will not (it could not load the version, the smoke generation failed): roll back now.
 */
class RolloutException extends RuntimeException {

    private final boolean retriable;

    private RolloutException(boolean retriable, String message, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    static RolloutException retriable(String message) {
        return new RolloutException(true, message, null);
    }

    static RolloutException fatal(String message) {
        return new RolloutException(false, message, null);
    }

    /** A host's busy answer (another reload going on there) is worth waiting for; other refusals are final. */
    static RolloutException from(InferenceHost host, String doing, CoordinatorException e) {
        boolean busy = e.getCause() instanceof HttpClientErrorException refused
                && refused.getStatusCode().value() == 409;
        return new RolloutException(
                e.retriable() || busy, host.instanceId() + " failed to " + doing + ": " + e.getMessage(), e);
    }

    boolean retriable() {
        return retriable;
    }
}
