package dev.llmfleet.api.observability;

import java.time.Instant;

/**
 * What the health monitor last saw of one registered instance.
 *
 * @param status the instance's own health status ({@code UP}, {@code DOWN}, ...) or
 *     {@code UNREACHABLE} when it did not answer
 * @param lastHealthy when it last answered UP, null if never
 * @param stale true when it has not answered UP for longer than the stale threshold
 */
public record InstanceHealth(
        String serviceName,
        String instanceId,
        String baseUrl,
        String status,
        Instant lastChecked,
        Instant lastHealthy,
        boolean stale) {}
