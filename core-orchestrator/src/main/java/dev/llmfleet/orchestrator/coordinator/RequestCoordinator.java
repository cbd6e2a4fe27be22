package dev.llmfleet.orchestrator.coordinator;

import dev.llmfleet.orchestrator.OrchestratorProperties;
import dev.llmfleet.starter.registry.ServiceUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Every call the orchestrator makes to another service goes through here, by the name of its
 * client ({@code trainer}, {@code lifecycle}, {@code scheduler}, {@code inference},
 * {@code observability}): a time limit, retries with exponential back-off, and a circuit breaker
 * per client named {@code coordinator-<client>}, all visible at {@code /actuator/circuitbreakers}
 * and as {@code resilience4j_*} metrics.
 *
 * <p>A 4xx answer is the caller's mistake: it is neither retried nor counted against the breaker. A
 * service with no instance registered is retried (it may be starting) but not counted either.
 */
@Component
public class RequestCoordinator implements DisposableBean {

    private static final Log log = LogFactory.getLog(RequestCoordinator.class);

    /** The named clients, so that their breakers exist (and show) before their first call. */
    public static final List<String> CLIENTS =
            List.of("trainer", "lifecycle", "scheduler", "inference", "observability");

    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final TimeLimiterRegistry limiters;
    private final OrchestratorProperties.Coordinator settings;
    private final CircuitBreakerConfig breakerConfig;
    private final RetryConfig retryConfig;
    private final TimeLimiterConfig limiterConfig;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public RequestCoordinator(
            CircuitBreakerRegistry breakers,
            RetryRegistry retries,
            TimeLimiterRegistry limiters,
            OrchestratorProperties properties) {
        this.breakers = breakers;
        this.retries = retries;
        this.limiters = limiters;
        this.settings = properties.coordinator();
        this.breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(settings.breakerWindow())
                .failureRateThreshold(settings.breakerFailureRate())
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .ignoreException(e -> !countsAgainstTheService(e))
                .build();
        this.retryConfig = RetryConfig.custom()
                .maxAttempts(settings.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.backoff(), 2.0))
                .retryOnException(e ->
                        !(e instanceof CallNotPermittedException) && !(unwrap(e) instanceof HttpClientErrorException))
                .build();
        this.limiterConfig = TimeLimiterConfig.custom()
                .timeoutDuration(settings.timeout())
                .cancelRunningFuture(true)
                .build();
        CLIENTS.forEach(this::breaker);
    }

    /** Calls {@code call} through the named client's time limit, retry and breaker. */
    public <T> T call(String client, Supplier<T> call) {
        CircuitBreaker breaker = breaker(client);
        Retry retry = retry(client);
        TimeLimiter limiter = limiter(client);
        Callable<T> limited = () -> limiter.executeFutureSupplier(() -> calls.submit(call::get));
        Callable<T> guarded = CircuitBreaker.decorateCallable(breaker, limited);
        try {
            return Retry.decorateCallable(retry, guarded).call();
        } catch (CallNotPermittedException e) {
            throw new CoordinatorException(client, true, client + " is unavailable: its circuit breaker is open", e);
        } catch (HttpClientErrorException e) {
            throw new CoordinatorException(client, false, client + " refused the request: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new CoordinatorException(client, true, client + " did not answer within " + settings.timeout(), e);
        } catch (Exception e) {
            Throwable cause = unwrap(e);
            if (cause instanceof HttpClientErrorException refused) {
                throw new CoordinatorException(
                        client, false, client + " refused the request: " + refused.getMessage(), refused);
            }
            throw new CoordinatorException(client, true, client + " call failed: " + cause, cause);
        }
    }

    /** A call whose answer is not needed. */
    public void run(String client, Runnable call) {
        call(client, () -> {
            call.run();
            return null;
        });
    }

    /** The state of the named client's breaker, e.g. {@code CLOSED} or {@code OPEN}. */
    public CircuitBreaker.State state(String client) {
        return breaker(client).getState();
    }

    private CircuitBreaker breaker(String client) {
        String name = "coordinator-" + client;
        boolean fresh = breakers.find(name).isEmpty();
        CircuitBreaker breaker = breakers.circuitBreaker(name, breakerConfig);
        if (fresh) {
            breaker.getEventPublisher()
                    .onStateTransition(event -> log.warn("Circuit breaker " + name + ": "
                            + event.getStateTransition() + " (last failures: "
                            + breaker.getMetrics().getNumberOfFailedCalls() + " of "
                            + breaker.getMetrics().getNumberOfBufferedCalls() + " calls)"))
                    .onError(event -> log.debug(name + " call failed: " + event.getThrowable()));
        }
        return breaker;
    }

    private Retry retry(String client) {
        return retries.retry("coordinator-" + client, retryConfig);
    }

    private TimeLimiter limiter(String client) {
        return limiters.timeLimiter("coordinator-" + client, limiterConfig);
    }

    /**
     * A refusal (4xx) is the caller's mistake, and a service with no instance registered (a fleet
     * still starting) received nothing: neither says the service is failing.
     */
    private static boolean countsAgainstTheService(Throwable e) {
        Throwable cause = unwrap(e);
        return !(cause instanceof HttpClientErrorException)
                && !(cause instanceof ServiceUnavailableException unavailable && unavailable.noneRegistered());
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof java.util.concurrent.CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }
}
