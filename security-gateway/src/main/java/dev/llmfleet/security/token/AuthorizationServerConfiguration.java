package dev.llmfleet.security.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.llmfleet.security.GatewayProperties;
import dev.llmfleet.security.apikey.ApiKeyIntrospectionProvider;
import dev.llmfleet.security.apikey.ApiKeyService;
import dev.llmfleet.security.audit.AuditLog;
import dev.llmfleet.security.client.ClientService;
import dev.llmfleet.security.signing.SigningKeyService;
import dev.llmfleet.security.trust.TrustService;
import dev.llmfleet.starter.security.FleetSecurityProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.ListIterator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The OAuth2 endpoints ({@code /oauth2/token}, {@code /oauth2/jwks}, {@code /oauth2/introspect},
 * metadata) through Spring Security's authorization server: client-credentials only, clients from
 * PostgreSQL, RS256 keys that rotate, API keys answered by introspection.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerChain(
            HttpSecurity http,
            RegisteredClientRepository registeredClients,
            ClientService clients,
            TrustService trust,
            ApiKeyService apiKeys,
            AuditLog audit,
            MeterRegistry meters,
            GatewayProperties gateway,
            FleetSecurityProperties security) {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        FailedClientAuthenticationHandler failures = new FailedClientAuthenticationHandler(trust, audit, meters);
        return http.securityMatcher(server.getEndpointsMatcher())
                .with(
                        server,
                        as -> as.registeredClientRepository(registeredClients)
                                .authorizationService(authorizationService())
                                .clientAuthentication(c -> c.errorResponseHandler(failures))
                                .tokenEndpoint(t -> t.authenticationProviders(
                                        providers -> guard(providers, clients, trust, audit, meters)))
                                .tokenIntrospectionEndpoint(i -> i.authenticationProviders(providers -> {
                                    providers.clear();
                                    providers.add(new ApiKeyIntrospectionProvider(apiKeys, security.issuer()));
                                })))
                .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(
                        new TokenRateLimitFilter(gateway.rateLimit(), clients, trust, audit),
                        BasicAuthenticationFilter.class)
                .build();
    }

    private static void guard(
            List<AuthenticationProvider> providers,
            ClientService clients,
            TrustService trust,
            AuditLog audit,
            MeterRegistry meters) {
        for (ListIterator<AuthenticationProvider> it = providers.listIterator(); it.hasNext(); ) {
            AuthenticationProvider provider = it.next();
            if (provider instanceof OAuth2ClientCredentialsAuthenticationProvider) {
                it.set(new TrustGate(provider, clients, trust, audit, meters));
            }
        }
    }

    private static OAuth2AuthorizationService authorizationService() {
        return new StatelessAuthorizationService();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(FleetSecurityProperties security) {
        return AuthorizationServerSettings.builder().issuer(security.issuer()).build();
    }

    /** Every published key: the JWKS endpoint shows their public halves. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyService keys) {
        return (selector, context) -> selector.select(new JWKSet(keys.publishedKeys()));
    }

    /** Signs with the one key that signs now, although several are published. */
    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource, SigningKeyService keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(jwkSource);
        encoder.setJwkSelector(candidates -> pick(candidates, keys.signingKid()));
        return encoder;
    }

    private static JWK pick(List<JWK> candidates, String kid) {
        return candidates.stream()
                .filter(k -> k.getKeyID().equals(kid))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No signing key " + kid + " among the published keys"));
    }

    /** Tokens are for the whole fleet: {@code aud} is the fleet audience, {@code sub} the client id. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> fleetTokenClaims(FleetSecurityProperties security) {
        return context -> context.getClaims().audience(List.of(security.audience()));
    }
}
