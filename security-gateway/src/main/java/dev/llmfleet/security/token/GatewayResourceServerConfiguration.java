package dev.llmfleet.security.token;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.llmfleet.api.security.FleetScopes;
import dev.llmfleet.security.apikey.ApiKeyService;
import dev.llmfleet.security.trust.TrustReason;
import dev.llmfleet.security.trust.TrustService;
import dev.llmfleet.starter.security.FleetJwtDecoders;
import dev.llmfleet.starter.security.FleetSecurityAutoConfiguration;
import dev.llmfleet.starter.security.FleetSecurityProperties;
import dev.llmfleet.starter.security.FleetSecurityRules;
import dev.llmfleet.starter.security.SecurityProblems;
import dev.llmfleet.starter.security.ServiceTokenSource;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * The gateway as a resource server of its own admin API: the starter's chain, but with the keys,
 * API keys and its own service token taken locally instead of over HTTP.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fleet.security.enabled", havingValue = "true", matchIfMissing = true)
class GatewayResourceServerConfiguration {

    @Bean
    JwtDecoder localJwtDecoder(JWKSource<SecurityContext> jwkSource, FleetSecurityProperties security) {
        return FleetJwtDecoders.create(jwkSource, security.issuer(), security.audience());
    }

    @Bean
    OpaqueTokenIntrospector localApiKeyIntrospector(ApiKeyService apiKeys, FleetSecurityProperties security) {
        return token -> apiKeys.introspect(token)
                .<OAuth2AuthenticatedPrincipal>map(key -> new OAuth2IntrospectionAuthenticatedPrincipal(
                        key.clientId(),
                        Map.of(
                                OAuth2TokenIntrospectionClaimNames.SUB, key.clientId(),
                                OAuth2TokenIntrospectionClaimNames.CLIENT_ID, key.clientId(),
                                OAuth2TokenIntrospectionClaimNames.ISS, security.issuer()),
                        key.scopes().stream()
                                .<GrantedAuthority>map(
                                        s -> new SimpleGrantedAuthority(FleetSecurityAutoConfiguration.scope(s)))
                                .toList()))
                .orElseThrow(() -> new BadOpaqueTokenException("The API key is not active"));
    }

    /** The gateway's own calls (registry, other services) carry a token it signs itself. */
    @Bean
    ServiceTokenSource localServiceToken(
            JwtEncoder encoder,
            FleetSecurityProperties security,
            dev.llmfleet.security.GatewayProperties gateway,
            Clock clock) {
        return () -> {
            Instant now = clock.instant();
            JwtClaimsSet claims = JwtClaimsSet.builder()
                    .issuer(security.issuer())
                    .subject(FleetSecurityAutoConfiguration.GATEWAY)
                    .audience(List.of(security.audience()))
                    .issuedAt(now)
                    .expiresAt(now.plus(gateway.tokenTtl()))
                    .claim("scope", String.join(" ", FleetScopes.READ, FleetScopes.OPERATE))
                    .build();
            return Optional.of(encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue());
        };
    }

    @Bean
    SecurityProblems.ScopeRefusalListener localScopeRefusals(TrustService trust) {
        return request -> {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            if (caller != null) {
                trust.penalize(
                        caller.getName(),
                        TrustReason.SCOPE_REFUSED,
                        request.getMethod() + " " + request.getRequestURI());
            }
        };
    }

    /** Reports need {@code fleet:operate} (services send them); everything else here is admin. */
    @Bean
    FleetSecurityRules gatewayAdminRules() {
        return rules -> {
            rules.requestMatchers(HttpMethod.POST, "/api/security/trust/reports")
                    .hasAuthority(FleetSecurityAutoConfiguration.scope(FleetScopes.OPERATE));
            rules.requestMatchers("/api/security/**")
                    .hasAuthority(FleetSecurityAutoConfiguration.scope(FleetScopes.ADMIN));
        };
    }
}
