package dev.llmfleet.security.apikey;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;

/**
 * Answers RFC 7662 introspection for API keys. The caller (a service) has already authenticated
 * with its client credentials; anything that is not an active key is {@code active: false}.
 */
public class ApiKeyIntrospectionProvider implements AuthenticationProvider {

    private final ApiKeyService keys;
    private final String issuer;

    public ApiKeyIntrospectionProvider(ApiKeyService keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2TokenIntrospectionAuthenticationToken request =
                (OAuth2TokenIntrospectionAuthenticationToken) authentication;
        Authentication caller = (Authentication) request.getPrincipal();
        if (!(caller instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()) {
            return request;
        }
        OAuth2TokenIntrospection claims = keys.introspect(request.getToken())
                .map(key -> {
                    OAuth2TokenIntrospection.Builder builder = OAuth2TokenIntrospection.builder(true)
                            .clientId(key.clientId())
                            .subject(key.clientId())
                            .username(key.clientId())
                            .tokenType("api_key")
                            .issuer(issuer)
                            .issuedAt(key.issuedAt())
                            .id(key.id().toString())
                            .scopes(scopes -> scopes.addAll(key.scopes()));
                    if (key.expiresAt() != null) {
                        builder.expiresAt(key.expiresAt());
                    }
                    return builder.build();
                })
                .orElseGet(() -> OAuth2TokenIntrospection.builder(false).build());
        return new OAuth2TokenIntrospectionAuthenticationToken(request.getToken(), caller, claims);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2TokenIntrospectionAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
