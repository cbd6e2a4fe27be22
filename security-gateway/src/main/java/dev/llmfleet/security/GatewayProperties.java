package dev.llmfleet.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of security-gateway ({@code fleet.gateway.*}). The issuer and audience are shared with
 * every service and live in {@code fleet.security.*}.
 *
 * @param tokenTtl how long an access token is valid
 * @param keys signing-key rotation
 * @param trust trust-score arithmetic
 * @param rateLimit per-client limit on the token endpoint
 * @param serviceClients clients created on start for the fleet's own services, each with a secret
 *     written to {@code <fleet.data-dir>/service-credentials/<name>}
 */
@Validated
@ConfigurationProperties("fleet.gateway")
public record GatewayProperties(
        @NotNull @DefaultValue("15m") Duration tokenTtl,
        @Valid @NotNull @DefaultValue Keys keys,
        @Valid @NotNull @DefaultValue Trust trust,
        @Valid @NotNull @DefaultValue RateLimit rateLimit,

        @NotNull
        @DefaultValue({
            "core-orchestrator",
            "observability-hub",
            "resource-scheduler",
            "error-bus",
            "trainer-service",
            "inference-service"
        })
        List<String> serviceClients) {

    /**
     * @param rotationInterval a new key is made when the current one is this old
     * @param publishLead how long a new key is in the JWKS before it signs anything
     * @param clockSkew extra time a retired key stays published beyond the token lifetime
     * @param reloadInterval how often the key set is re-read (other gateway instances may rotate)
     */
    public record Keys(
            @NotNull @DefaultValue("7d") Duration rotationInterval,
            @NotNull @DefaultValue("30s") Duration publishLead,
            @NotNull @DefaultValue("60s") Duration clockSkew,
            @NotNull @DefaultValue("10s") Duration reloadInterval) {}

    /**
     * @param initial the score of a new client
     * @param threshold below this the client gets no tokens and its API keys are inactive
     * @param failedAuthentication penalty for a failed client authentication
     * @param scopeRefused penalty for a request refused for scope
     * @param rateLimited penalty for a rate-limit violation
     * @param errorReported penalty for an error reported against the client
     * @param recovery points regained per clean token issuance, up to {@code initial}
     */
    public record Trust(
            @Min(0) @Max(100) @DefaultValue("80") int initial,
            @Min(0) @Max(100) @DefaultValue("50") int threshold,
            @Min(0) @DefaultValue("10") int failedAuthentication,
            @Min(0) @DefaultValue("5") int scopeRefused,
            @Min(0) @DefaultValue("5") int rateLimited,
            @Min(0) @DefaultValue("2") int errorReported,
            @Min(0) @DefaultValue("1") int recovery) {}

    /**
     * @param tokensPerPeriod tokens a client may get per period
     * @param period the refresh period of the limit
     */
    public record RateLimit(
            @Min(1) @DefaultValue("30") int tokensPerPeriod,
            @NotNull @DefaultValue("1s") Duration period) {}
}
