package dev.llmfleet.api.orchestrator;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * An operator's request to promote a candidate: consolidate it into a version and deploy it, even
 * if it does not beat the deployed model (a regression is still refused unless {@code force}).
 */
public record PromoteRequest(
        @NotNull UUID candidateId, @Size(max = 500) String reason, Boolean force) {

    /** Whether a regression is promoted anyway; false when not given. */
    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }
}
