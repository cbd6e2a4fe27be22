package dev.llmfleet.starter.security;

import java.util.function.Supplier;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.RestClientOpaqueTokenIntrospector;
import org.springframework.web.client.RestClient;

/**
 * Introspects API keys at the gateway's {@code /oauth2/introspect}, authenticated with this
 * service's own client credentials. When the gateway cannot answer, the key is refused (401) for
 * this request only; that answer is not cached.
 */
public class GatewayIntrospector implements OpaqueTokenIntrospector {

    private final Supplier<RestClient> gateway;
    private final ServiceCredentials credentials;
    private volatile OpaqueTokenIntrospector delegate;

    public GatewayIntrospector(Supplier<RestClient> gateway, ServiceCredentials credentials) {
        this.gateway = gateway;
        this.credentials = credentials;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        try {
            return delegate().introspect(token);
        } catch (OAuth2IntrospectionException e) {
            if (e instanceof BadOpaqueTokenException bad) {
                throw bad;
            }
            throw new UnverifiableTokenException("The API key cannot be checked now: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new UnverifiableTokenException("The API key cannot be checked now: " + e.getMessage(), e);
        }
    }

    private OpaqueTokenIntrospector delegate() {
        OpaqueTokenIntrospector current = delegate;
        if (current == null) {
            RestClient client = gateway.get()
                    .mutate()
                    .requestInterceptor((request, body, execution) -> {
                        credentials
                                .current()
                                .ifPresent(c -> request.getHeaders().setBasicAuth(c.clientId(), c.clientSecret()));
                        return execution.execute(request, body);
                    })
                    .build();
            current = new RestClientOpaqueTokenIntrospector("/oauth2/introspect", client);
            delegate = current;
        }
        return current;
    }

    /** The gateway could not say whether the key is good; not cached, refused for this request. */
    static final class UnverifiableTokenException extends OAuth2IntrospectionException {
        UnverifiableTokenException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
