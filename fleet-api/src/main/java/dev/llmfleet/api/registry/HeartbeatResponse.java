package dev.llmfleet.api.registry;

import java.time.Instant;

/** The registry's answer to a heartbeat: the instance's status and when it must beat again. */
public record HeartbeatResponse(String instanceId, InstanceStatus status, Instant expiresAt) {}
