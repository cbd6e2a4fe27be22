package dev.llmfleet.starter.registry;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Makes {@code @HttpExchange} clients (from {@code fleet-api}) that reach another fleet service by
 * its name: resolved through the registry, guarded by a circuit breaker named after the service.
 */
public class FleetHttpClients {

    private final RestClient.Builder builder;
    private final ServiceLocator locator;
    private final CircuitBreakerRegistry breakers;

    public FleetHttpClients(RestClient.Builder builder, ServiceLocator locator, CircuitBreakerRegistry breakers) {
        this.builder = builder;
        this.locator = locator;
        this.breakers = breakers;
    }

    /** A client of {@code type} that talks to the service registered as {@code serviceName}. */
    public <T> T client(String serviceName, Class<T> type) {
        RestClient restClient = restClient(serviceName);
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient))
                .build()
                .createClient(type);
    }

    /** A {@link RestClient} whose base URL is {@code http://<serviceName>}, routed through the registry. */
    public RestClient restClient(String serviceName) {
        return builder.clone()
                .baseUrl("http://" + serviceName)
                .requestInterceptor(new ServiceNameInterceptor(serviceName, locator, breakers))
                .build();
    }
}
