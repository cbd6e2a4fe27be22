package dev.llmfleet.orchestrator.deployment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a deployment stands. PENDING → DEPLOYING (every target host loads the version) → VERIFYING
 * (each answers ready and a smoke generation) → DEPLOYED; from any of the first three it can end
 * ROLLED_BACK (the previous version reloaded) or FAILED (there was no previous version to go back to).
 */
enum DeploymentState {
    PENDING,
    DEPLOYING,
    VERIFYING,
    DEPLOYED,
    ROLLED_BACK,
    FAILED;

    static final Set<DeploymentState> IN_PROGRESS = EnumSet.of(PENDING, DEPLOYING, VERIFYING);

    boolean inProgress() {
        return IN_PROGRESS.contains(this);
    }

    boolean canTransitionTo(DeploymentState next) {
        return switch (this) {
            case PENDING -> next == DEPLOYING || next == ROLLED_BACK || next == FAILED;
            case DEPLOYING -> next == VERIFYING || next == ROLLED_BACK || next == FAILED;
            case VERIFYING -> next == DEPLOYED || next == ROLLED_BACK || next == FAILED;
            case DEPLOYED, ROLLED_BACK, FAILED -> false;
        };
    }
}
