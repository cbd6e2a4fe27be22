package dev.llmfleet.starter.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How every fleet service authenticates callers and itself ({@code fleet.security.*}).
 *
 * @param enabled {@code false} installs a permit-all chain (for tests that are not about security)
 * @param issuer the {@code iss} of the gateway's tokens, checked by every service
 * @param audience the {@code aud} the gateway puts in its tokens, checked by every service
 * @param clientId the client this service calls others as; the service name when absent
 * @param clientSecret its secret; read from {@code <fleet.data-dir>/service-credentials/<clientId>}
 *     when absent (the gateway writes it there on first start of an all-in-one fleet)
 * @param introspectionCacheTtl how long an API key's introspection answer is reused: a revoked key
 *     stops working within this time
 * @param jwksCacheTtl how long the gateway's JWKS is reused before it is fetched again
 * @param jwksRefreshMinInterval an unknown {@code kid} fetches the JWKS again at most this often
 * @param tokenRefreshSkew a cached service token is renewed this long before it expires
 * @param clientScopes the scopes this service asks for when it gets its own token
 * @param publicPaths paths open without a token, beyond health, readiness, Prometheus and OpenAPI
 */
@Validated
@ConfigurationProperties("fleet.security")
public record FleetSecurityProperties(
        @DefaultValue("true") boolean enabled,
        @NotBlank @DefaultValue("http://security-gateway") String issuer,
        @NotBlank @DefaultValue("llm-fleet") String audience,
        String clientId,
        String clientSecret,
        @NotNull @DefaultValue("30s") Duration introspectionCacheTtl,
        @NotNull @DefaultValue("5m") Duration jwksCacheTtl,
        @NotNull @DefaultValue("5s") Duration jwksRefreshMinInterval,
        @NotNull @DefaultValue("60s") Duration tokenRefreshSkew,

        @NotNull @DefaultValue({"fleet:read", "fleet:operate", "inference:use"})
        List<String> clientScopes,

        @NotNull @DefaultValue List<String> publicPaths) {}
