package dev.llmfleet.starter.security;

import dev.llmfleet.starter.registry.FleetHttpClients;
import dev.llmfleet.starter.registry.ServiceLocator;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * {@link FleetHttpClients} whose calls carry this service's own token ({@code Authorization:
 * Bearer}) unless the caller set one.
 */
public class AuthenticatedFleetHttpClients extends FleetHttpClients {

    private final ServiceTokenSource tokens;

    public AuthenticatedFleetHttpClients(
            RestClient.Builder builder,
            ServiceLocator locator,
            CircuitBreakerRegistry breakers,
            ServiceTokenSource tokens) {
        super(builder, locator, breakers);
        this.tokens = tokens;
    }

    @Override
    public RestClient restClient(String serviceName) {
        return super.restClient(serviceName)
                .mutate()
                .requestInterceptor((request, body, execution) -> {
                    if (!request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
                        tokens.token().ifPresent(token -> request.getHeaders().setBearerAuth(token));
                    }
                    return execution.execute(request, body);
                })
                .build();
    }
}
