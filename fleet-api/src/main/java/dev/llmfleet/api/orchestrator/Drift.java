package dev.llmfleet.api.orchestrator;

import java.time.Instant;

/**
 * A difference between the fleet as it should be and as it is.
 *
 * @param kind VERSION_NOT_DEPLOYED, SERVICE_DOWN, SERVICE_MISSING, HOST_MISSING
 * @param subject the host, instance or service it is about
 * @param action what reconciliation does (or did) about it
 */
public record Drift(String kind, String subject, String desired, String actual, Instant since, String action) {}
