package dev.llmfleet.orchestrator.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmfleet.api.registry.HeartbeatRequest;
import dev.llmfleet.api.registry.InstanceStatus;
import dev.llmfleet.api.registry.RegisterInstanceRequest;
import dev.llmfleet.api.registry.ServiceInstance;
import dev.llmfleet.orchestrator.MutableClock;
import dev.llmfleet.orchestrator.OrchestratorProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "fleet.registry.enabled=false",
            "fleet.orchestrator.registry.sweep-interval=1h",
            "fleet.orchestrator.registry.flush-interval=1h"
        })
class RegistryLifecycleTest {

    static final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock testClock() {
            return clock;
        }
    }

    @Autowired
    RegistryService registry;

    @Autowired
    RegistrySweeper sweeper;

    @Autowired
    RegistryStore store;

    @Autowired
    OrchestratorProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyRegistry() {
        registry.allInstances().forEach(i -> registry.deregister(i.instanceId()));
    }

    @Test
    void listsOnlyUpInstancesOfTheAskedService() {
        register("resource-scheduler", "rs-1");
        register("resource-scheduler", "rs-2");
        register("error-bus", "eb-1");

        assertThat(registry.upInstances("resource-scheduler"))
                .extracting(ServiceInstance::instanceId)
                .containsExactly("rs-1", "rs-2");
        assertThat(registry.services()).anySatisfy(s -> {
            assertThat(s.serviceName()).isEqualTo("resource-scheduler");
            assertThat(s.up()).isEqualTo(2);
        });
    }

    @Test
    void marksASilentInstanceDownAfterItsTtlAndEvictsItLater() {
        register("a", "a-1");
        register("b", "b-1");
        register("c", "c-1");
        Duration ttl = properties.registry().ttl();

        clock.advance(ttl.minusSeconds(1));
        registry.heartbeat("a-1");
        registry.heartbeat("b-1");
        clock.advance(Duration.ofSeconds(2));
        sweeper.sweep();

        assertThat(registry.get("c-1").status()).isEqualTo(InstanceStatus.DOWN);
        assertThat(registry.upInstances("c")).isEmpty();
        assertThat(registry.get("a-1").status()).isEqualTo(InstanceStatus.UP);

        registry.heartbeat("a-1");
        registry.heartbeat("b-1");
        clock.advance(properties.registry().evictAfter().plusSeconds(1));
        registry.heartbeat("a-1");
        registry.heartbeat("b-1");
        sweeper.sweep();

        assertThat(registry.allInstances())
                .extracting(ServiceInstance::instanceId)
                .containsExactly("a-1", "b-1");
    }

    @Test
    void bringsADownInstanceBackUpOnItsNextHeartbeat() {
        register("a", "a-1");
        register("b", "b-1");
        register("c", "c-1");
        clock.advance(properties.registry().ttl().minusSeconds(1));
        registry.heartbeat("a-1");
        registry.heartbeat("b-1");
        clock.advance(Duration.ofSeconds(2));
        sweeper.sweep();
        assertThat(registry.get("c-1").status()).isEqualTo(InstanceStatus.DOWN);

        assertThat(registry.heartbeat("c-1").status()).isEqualTo(InstanceStatus.UP);
        assertThat(registry.upInstances("c")).hasSize(1);
    }

    @Test
    void anInstanceSaysWithItsHeartbeatWhichOfItsWorkersAreRestarting() {
        register("trainer-service", "t-1");

        registry.heartbeat("t-1", new HeartbeatRequest(List.of("trainer-worker-cpu-localhost")));

        ServiceInstance seen = registry.get("t-1");
        assertThat(seen.status()).isEqualTo(InstanceStatus.UP);
        assertThat(seen.workersDown()).containsExactly("trainer-worker-cpu-localhost");
        assertThat(registry.upInstances("trainer-service"))
                .singleElement()
                .satisfies(i -> assertThat(i.workersDown()).containsExactly("trainer-worker-cpu-localhost"));

        registry.heartbeat("t-1", new HeartbeatRequest(List.of()));

        assertThat(registry.get("t-1").workersDown()).isEmpty();
    }

    @Test
    void doesNotBelieveThatMostInstancesDiedAtOnce() {
        register("a", "a-1");
        register("b", "b-1");
        register("c", "c-1");
        register("d", "d-1");

        clock.advance(properties.registry().ttl().minusSeconds(1));
        registry.heartbeat("a-1");
        clock.advance(Duration.ofSeconds(2));
        sweeper.sweep();

        assertThat(registry.allInstances())
                .allSatisfy(i -> assertThat(i.status()).isEqualTo(InstanceStatus.UP));

        clock.advance(properties.registry().massLossGrace());
        registry.heartbeat("a-1");
        sweeper.sweep();

        assertThat(registry.upInstances("b")).isEmpty();
        assertThat(registry.upInstances("a")).hasSize(1);
    }

    @Test
    void keepsRegistrationsAndHeartbeatsAcrossARestart() {
        register("a", "a-1");
        clock.advance(Duration.ofSeconds(3));
        registry.heartbeat("a-1");
        sweeper.flushHeartbeats();

        RegistryService restarted = new RegistryService(store, properties, clock);
        restarted.afterSingletonsInstantiated();

        ServiceInstance reloaded = restarted.get("a-1");
        assertThat(reloaded.host()).isEqualTo("host-a-1");
        assertThat(reloaded.metadata()).containsEntry("gpu", "rtx4090");
        assertThat(reloaded.lastHeartbeat()).isEqualTo(clock.instant());
    }

    @Test
    void refusesHeartbeatsAndDeregistrationOfUnknownInstances() {
        assertThatThrownBy(() -> registry.heartbeat("ghost")).isInstanceOf(InstanceNotFoundException.class);
        assertThatThrownBy(() -> registry.deregister("ghost")).isInstanceOf(InstanceNotFoundException.class);
    }

    @Test
    void listsEveryUpInstanceForPrometheusDiscovery() {
        register("a", "a-1");
        register("b", "b-1");

        assertThat(registry.prometheusTargets()).hasSize(2).allSatisfy(group -> {
            assertThat(group.labels()).containsEntry("__metrics_path__", "/actuator/prometheus");
            assertThat(group.targets()).singleElement().asString().startsWith("host-");
        });
    }

    private void register(String service, String id) {
        registry.register(new RegisterInstanceRequest(
                service, id, "host-" + id, 7000, "http", "control", Map.of("gpu", "rtx4090")));
    }
}
