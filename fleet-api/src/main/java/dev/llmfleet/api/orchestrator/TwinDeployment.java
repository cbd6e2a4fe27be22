package dev.llmfleet.api.orchestrator;

/**
 * What one inference host serves against what it should serve.
 *
 * @param actualVersion the version its {@code /models/info} reports, null when it serves none or
 *     cannot be reached
 */
public record TwinDeployment(
        String host,
        String instanceId,
        String desiredVersion,
        String actualVersion,
        boolean reachable,
        boolean inSync) {}
