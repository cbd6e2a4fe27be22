package dev.llmfleet.api.orchestrator;

import dev.llmfleet.api.registry.InstanceStatus;
import java.time.Instant;

/** One running (or lost) service instance, as the twin sees it. */
public record TwinService(
        String name, String instanceId, String host, String url, InstanceStatus status, Instant lastHeartbeat) {}
