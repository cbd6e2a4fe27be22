package dev.llmfleet.observability.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.observability.InstanceHealth;
import dev.llmfleet.api.registry.HeartbeatResponse;
import dev.llmfleet.api.registry.InstanceStatus;
import dev.llmfleet.api.registry.PrometheusTargetGroup;
import dev.llmfleet.api.registry.RegisterInstanceRequest;
import dev.llmfleet.api.registry.RegistryClient;
import dev.llmfleet.api.registry.ServiceInstance;
import dev.llmfleet.api.registry.ServiceSummary;
import dev.llmfleet.observability.TestProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {

    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    final Map<String, Instant> heartbeats = new HashMap<>();
    final Map<String, String> answers = new HashMap<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<String> changes = new ArrayList<>();

    final HealthMonitor monitor = new HealthMonitor(
            new FakeRegistry(),
            uri -> answers.getOrDefault(uri.getHost(), "UNREACHABLE"),
            TestProperties.with(Map.of("fleet.observability.health.stale-after", "30s")),
            new Clock() {
                @Override
                public Instant instant() {
                    return now;
                }

                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }
            },
            meters,
            List.of(new StaleListener() {
                @Override
                public void becameStale(InstanceHealth health) {
                    changes.add("stale " + health.instanceId());
                }

                @Override
                public void recovered(InstanceHealth health) {
                    changes.add("recovered " + health.instanceId());
                }
            }));

    @Test
    void reportsHealthyInstancesAsUpAndNotStale() {
        heartbeats.put("a", now);
        answers.put("a", "UP");

        monitor.poll();

        assertThat(monitor.instances()).singleElement().satisfies(h -> {
            assertThat(h.status()).isEqualTo("UP");
            assertThat(h.stale()).isFalse();
        });
        assertThat(meters.get("fleet.observability.instance.up").gauge().value())
                .isEqualTo(1.0);
    }

    @Test
    void flagsAnInstanceStaleOnlyAfterItHasBeenUnhealthyForTheThreshold() {
        heartbeats.put("a", now);
        answers.put("a", "DOWN");
        monitor.poll();
        assertThat(monitor.instances())
                .singleElement()
                .extracting(InstanceHealth::stale)
                .isEqualTo(false);

        now = now.plusSeconds(31);
        heartbeats.put("a", now);
        monitor.poll();

        assertThat(monitor.instances())
                .singleElement()
                .extracting(InstanceHealth::stale)
                .isEqualTo(true);
        assertThat(meters.get("fleet.observability.instance.up").gauge().value())
                .isZero();
        assertThat(meters.get("fleet.observability.instance.stale").gauge().value())
                .isEqualTo(1.0);
        assertThat(changes).containsExactly("stale a");
    }

    @Test
    void flagsAnInstanceWhoseHeartbeatIsOlderThanTheThreshold() {
        heartbeats.put("a", now.minusSeconds(45));
        answers.put("a", "UP");

        monitor.poll();

        assertThat(monitor.instances())
                .singleElement()
                .extracting(InstanceHealth::stale)
                .isEqualTo(true);
    }

    @Test
    void clearsStaleWhenTheInstanceReturns() {
        heartbeats.put("a", now);
        monitor.poll();
        now = now.plusSeconds(40);
        heartbeats.put("a", now);
        monitor.poll();
        assertThat(monitor.instances())
                .singleElement()
                .extracting(InstanceHealth::stale)
                .isEqualTo(true);

        answers.put("a", "UP");
        monitor.poll();

        assertThat(monitor.instances()).singleElement().satisfies(h -> {
            assertThat(h.stale()).isFalse();
            assertThat(h.lastHealthy()).isEqualTo(now);
        });
        assertThat(changes).containsExactly("stale a", "recovered a");
        assertThat(meters.get("fleet.observability.instance.stale").gauge().value())
                .isZero();
    }

    @Test
    void forgetsInstancesThatLeftTheRegistry() {
        heartbeats.put("a", now);
        answers.put("a", "UP");
        monitor.poll();

        heartbeats.clear();
        monitor.poll();

        assertThat(monitor.instances()).isEmpty();
    }

    class FakeRegistry implements RegistryClient {
        @Override
        public List<ServiceInstance> allInstances() {
            return heartbeats.entrySet().stream()
                    .map(e -> new ServiceInstance(
                            "svc-" + e.getKey(),
                            e.getKey(),
                            e.getKey(),
                            80,
                            "http",
                            "control",
                            Map.of(),
                            InstanceStatus.UP,
                            now,
                            e.getValue(),
                            List.of()))
                    .toList();
        }

        @Override
        public ServiceInstance register(RegisterInstanceRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public HeartbeatResponse heartbeat(String instanceId, dev.llmfleet.api.registry.HeartbeatRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deregister(String instanceId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ServiceSummary> services() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ServiceInstance> upInstances(String serviceName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PrometheusTargetGroup> prometheusTargets() {
            throw new UnsupportedOperationException();
        }
    }
}
