package dev.llmfleet.api.orchestrator;

import java.time.Instant;
import java.util.UUID;

/**
 * One deployment of a version to the inference hosts.
 *
 * @param previousVersion the version served before, which a failed check rolls back to
 * @param state PENDING, DEPLOYING, VERIFYING, DEPLOYED, ROLLED_BACK, FAILED
 * @param detail what happened last, for people
 */
public record DeploymentView(
        UUID id,
        String version,
        String previousVersion,
        String state,
        String reason,
        String requestedBy,
        int attempts,
        String detail,
        Instant startedAt,
        Instant finishedAt) {}
