package dev.llmfleet.starter.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings every fleet service shares ({@code fleet.*}).
 *
 * @param dataDir where the service keeps its files (and the embedded database when no URL is set)
 * @param registry how to reach the registry and how often to heartbeat
 * @param instance how this instance describes itself to the registry
 * @param supervision how a long-lived loop that died is started again
 */
@Validated
@ConfigurationProperties("fleet")
public record FleetStarterProperties(
        @NotNull @DefaultValue("./fleet-data") Path dataDir,
        @Valid @NotNull @DefaultValue Registry registry,
        @Valid @NotNull @DefaultValue Instance instance,
        @Valid @NotNull @DefaultValue Supervision supervision) {

    /**
     * @param url the registry's base URL (core-orchestrator)
     * @param enabled whether this instance registers itself
     * @param heartbeatInterval how often to heartbeat
     * @param cacheTtl how long a look-up answer is reused
     */
    public record Registry(
            @NotNull @DefaultValue("http://localhost:7000") URI url,
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("5s") Duration heartbeatInterval,
            @NotNull @DefaultValue("2s") Duration cacheTtl) {}

    /**
     * @param host the address other services reach this instance at
     * @param role the host role, overriding the service's default
     */
    public record Instance(
            @NotBlank @DefaultValue("localhost") String host, String role) {}

    /**
     * @param backoffFloor the wait before the first restart of a loop that died
     * @param backoffCeiling the longest wait, which the doubling stops at
     * @param healthyAfter how long a loop must run before its next crash waits the floor again
     */
    public record Supervision(
            @NotNull @DefaultValue("1s") Duration backoffFloor,
            @NotNull @DefaultValue("1m") Duration backoffCeiling,
            @NotNull @DefaultValue("5m") Duration healthyAfter) {}
}
