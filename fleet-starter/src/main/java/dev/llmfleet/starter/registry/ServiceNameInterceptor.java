package dev.llmfleet.starter.registry;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a request addressed to {@code http://<service-name>/...} to an UP instance of that
 * service, through the circuit breaker named after the service.
 *
 * <p>A connection that cannot be made is retried once on another instance (the request was never
 * sent, so this is safe for every method); a 5xx answer counts against the breaker.
 */
class ServiceNameInterceptor implements ClientHttpRequestInterceptor {

    private final String serviceName;
    private final ServiceLocator locator;
    private final CircuitBreaker circuitBreaker;

    ServiceNameInterceptor(String serviceName, ServiceLocator locator, CircuitBreakerRegistry breakers) {
        this.serviceName = serviceName;
        this.locator = locator;
        this.circuitBreaker = breakers.circuitBreaker(serviceName);
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        URI target = locator.resolve(serviceName); // none registered: nothing is sent, the breaker is not told
        if (!circuitBreaker.tryAcquirePermission()) {
            throw ServiceUnavailableException.unreachable(
                    serviceName, CallNotPermittedException.createCallNotPermittedException(circuitBreaker));
        }
        long start = System.nanoTime();
        try {
            ClientHttpResponse response = send(request, body, execution, target);
            long elapsed = System.nanoTime() - start;
            if (response.getStatusCode().is5xxServerError()) {
                circuitBreaker.onError(
                        elapsed, TimeUnit.NANOSECONDS, new IOException("HTTP " + response.getStatusCode()));
            } else {
                circuitBreaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            }
            return response;
        } catch (IOException | RuntimeException e) {
            circuitBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    private ClientHttpResponse send(HttpRequest request, byte[] body, ClientHttpRequestExecution execution, URI target)
            throws IOException {
        try {
            return execution.execute(routed(request, target), body);
        } catch (java.net.ConnectException e) {
            locator.invalidate(serviceName);
            return execution.execute(routed(request, locator.resolve(serviceName)), body);
        }
    }

    private HttpRequest routed(HttpRequest request, URI target) {
        URI uri = UriComponentsBuilder.fromUri(request.getURI())
                .scheme(target.getScheme())
                .host(target.getHost())
                .port(target.getPort())
                .build(true)
                .toUri();
        return new HttpRequestWrapper(request) {
            @Override
            public URI getURI() {
                return uri;
            }
        };
    }
}
