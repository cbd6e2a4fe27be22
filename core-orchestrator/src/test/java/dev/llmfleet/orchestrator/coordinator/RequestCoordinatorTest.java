package dev.llmfleet.orchestrator.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmfleet.orchestrator.OrchestratorProperties;
import dev.llmfleet.starter.registry.ServiceUnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;

class RequestCoordinatorTest {

    final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    final RequestCoordinator coordinator = new RequestCoordinator(
            breakers, RetryRegistry.ofDefaults(), TimeLimiterRegistry.ofDefaults(), properties());

    @AfterEach
    void close() {
        coordinator.destroy();
    }

    @Test
    void aRefusedRequestIsNotRetriedNorHeldAgainstTheService() {
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 30; i++) {
            assertThatThrownBy(() -> coordinator.call("lifecycle", () -> {
                        calls.incrementAndGet();
                        throw HttpClientErrorException.create(
                                HttpStatus.NOT_FOUND, "no such version", null, null, null);
                    }))
                    .isInstanceOfSatisfying(CoordinatorException.class, e -> {
                        assertThat(e.retriable()).isFalse();
                        assertThat(e.getCause()).isInstanceOf(HttpClientErrorException.NotFound.class);
                    });
        }

        assertThat(calls).as("one try each").hasValue(30);
        assertThat(coordinator.state("lifecycle")).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(coordinator.call("lifecycle", () -> "v001")).isEqualTo("v001");
    }

    @Test
    void aFailingServiceIsRetriedThenItsBreakerOpensAndCallsFailFastAsRetriable() {
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> coordinator.call("trainer", () -> {
                        calls.incrementAndGet();
                        throw HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "down", null, null, null);
                    }))
                    .isInstanceOfSatisfying(
                            CoordinatorException.class,
                            e -> assertThat(e.retriable()).isTrue());
        }

        assertThat(coordinator.state("trainer")).isEqualTo(CircuitBreaker.State.OPEN);
        int before = calls.get();
        assertThatThrownBy(() -> coordinator.call("trainer", () -> "never asked"))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> {
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.getMessage()).contains("circuit breaker is open");
                });
        assertThat(calls).as("an open breaker does not call").hasValue(before);
        assertThat(before).as("two tries per call until the breaker opened").isGreaterThanOrEqualTo(4);
    }

    @Test
    void aServiceWithNoInstanceRegisteredYetIsRetriedButNotHeldAgainstIt() {
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> coordinator.call("trainer", () -> {
                        calls.incrementAndGet();
                        throw ServiceUnavailableException.noInstance("trainer-service");
                    }))
                    .isInstanceOfSatisfying(
                            CoordinatorException.class,
                            e -> assertThat(e.retriable()).isTrue());
        }

        assertThat(calls).as("retried: it may be starting").hasValue(20);
        assertThat(coordinator.state("trainer"))
                .as("a fleet that is still starting opens no breaker")
                .isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(coordinator.call("trainer", () -> "up now")).isEqualTo("up now");
    }

    @Test
    void aCallThatTakesTooLongTimesOutAsRetriable() {
        assertThatThrownBy(() -> coordinator.call("scheduler", () -> {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "late";
                }))
                .isInstanceOfSatisfying(CoordinatorException.class, e -> {
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.getMessage()).contains("did not answer within");
                });
    }

    private static OrchestratorProperties properties() {
        var source = new MapConfigurationPropertySource(java.util.Map.of(
                "fleet.orchestrator.coordinator.timeout", "200ms",
                "fleet.orchestrator.coordinator.attempts", "2",
                "fleet.orchestrator.coordinator.backoff", "10ms",
                "fleet.orchestrator.coordinator.breaker-window", "4",
                "fleet.orchestrator.coordinator.breaker-open-for", "1m"));
        return new Binder(source).bindOrCreate("fleet.orchestrator", OrchestratorProperties.class);
    }
}
