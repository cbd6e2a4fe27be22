package dev.llmfleet.starter.registry;

import dev.llmfleet.api.registry.RegistryClient;
import dev.llmfleet.api.registry.ServiceInstance;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Finds the UP instances of a service by name through the registry.
 *
 * <p>Answers are cached for a short time; the registry call itself goes through a retry and a
 * circuit breaker named {@code registry}. When the registry cannot be reached, the last known
 * answer is served (degraded) rather than failing every call in the fleet.
 */
public class ServiceLocator {

    private static final Log log = LogFactory.getLog(ServiceLocator.class);

    private record Cached(List<ServiceInstance> instances, Instant fetchedAt) {}

    private final RegistryClient registry;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> cursors = new ConcurrentHashMap<>();

    public ServiceLocator(
            RegistryClient registry, CircuitBreaker circuitBreaker, Retry retry, Duration ttl, Clock clock) {
        this.registry = registry;
        this.circuitBreaker = circuitBreaker;
        this.retry = retry;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The UP instances of {@code serviceName}, possibly empty. */
    public List<ServiceInstance> instances(String serviceName) {
        Cached cached = cache.get(serviceName);
        Instant now = clock.instant();
        if (cached != null && cached.fetchedAt().plus(ttl).isAfter(now)) {
            return cached.instances();
        }
        Supplier<List<ServiceInstance>> call = () -> registry.upInstances(serviceName);
        try {
            List<ServiceInstance> fresh = Retry.decorateSupplier(
                            retry, CircuitBreaker.decorateSupplier(circuitBreaker, call))
                    .get();
            cache.put(serviceName, new Cached(List.copyOf(fresh), now));
            return fresh;
        } catch (RuntimeException e) {
            if (cached != null) {
                log.warn("Registry unreachable, serving the last known instances of " + serviceName + ": " + e);
                return cached.instances();
            }
            throw ServiceUnavailableException.unreachable("registry", e);
        }
    }

    /** One UP instance of {@code serviceName}, chosen round-robin; fails when there is none. */
    public URI resolve(String serviceName) {
        List<ServiceInstance> up = instances(serviceName);
        if (up.isEmpty()) {
            throw ServiceUnavailableException.noInstance(serviceName);
        }
        int next = Math.floorMod(
                cursors.computeIfAbsent(serviceName, n -> new AtomicInteger()).getAndIncrement(), up.size());
        return up.get(next).baseUri();
    }

    /** Forgets what is known of {@code serviceName}, e.g. after a call to one of its instances failed. */
    public void invalidate(String serviceName) {
        cache.remove(serviceName);
    }
}
