package dev.llmfleet.orchestrator.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;

import dev.llmfleet.api.orchestrator.Drift;
import dev.llmfleet.api.orchestrator.FleetTwin;
import dev.llmfleet.api.orchestrator.TwinDeployment;
import dev.llmfleet.api.registry.InstanceStatus;
import dev.llmfleet.api.scheduler.DeviceStatus;
import dev.llmfleet.api.scheduler.QueueStatus;
import dev.llmfleet.orchestrator.TestVersions;
import dev.llmfleet.orchestrator.deployment.InferenceStandIn;
import dev.llmfleet.orchestrator.deployment.StandInFleetTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.ResourceAccessException;

class FleetTwinTest extends StandInFleetTest {

    @Autowired
    FleetTwinService twin;

    @Autowired
    MeterRegistry meters;

    @Test
    void showsHostsServicesAndWhatEachInferenceHostServesWhileAFailingPartIsNamedUnavailable() {
        InferenceStandIn a = inferenceHost("127.0.0.41", "v001");
        InferenceStandIn b = inferenceHost("127.0.0.42", null);
        DeviceStatus gpu =
                new DeviceStatus("train-1", 0, "GPU-1", "RTX 4090", 24_000, 20_000, 5, 40, Instant.EPOCH, false, null);
        given(scheduler.devices()).willReturn(List.of(gpu));
        given(scheduler.queueStatus()).willReturn(new QueueStatus(Map.of(), List.of(), List.of()));
        given(trainer.status()).willThrow(new ResourceAccessException("Connection refused"));
        given(lifecycle.version("latest")).willReturn(TestVersions.named("v007"));

        twin.refresh();

        assertThat(mvc.get().uri("/api/orchestrator/twin"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .convertTo(FleetTwin.class)
                .satisfies(fleet -> {
                    assertThat(fleet.unavailable())
                            .contains("run")
                            .doesNotContain("gpus", "queue", "models.latestVersion", a.instanceId(), b.instanceId());
                    assertThat(fleet.run()).isNull();
                    assertThat(fleet.gpus()).containsExactly(gpu);
                    assertThat(fleet.queue()).isNotNull();
                    assertThat(fleet.models().latestVersion()).isEqualTo("v007");
                    assertThat(fleet.models().desiredVersion()).isNull();
                    assertThat(fleet.hosts()).anySatisfy(h -> {
                        assertThat(h.host()).isEqualTo(a.host());
                        assertThat(h.roles()).containsExactly("inference");
                        assertThat(h.present()).isTrue();
                        assertThat(h.expected()).isTrue();
                        assertThat(h.services()).containsExactly("inference-service");
                    });
                    assertThat(fleet.services()).anySatisfy(s -> {
                        assertThat(s.instanceId()).isEqualTo(b.instanceId());
                        assertThat(s.status()).isEqualTo(InstanceStatus.UP);
                    });
                    assertThat(fleet.models().deployments())
                            .contains(
                                    new TwinDeployment(a.host(), a.instanceId(), null, "v001", true, true),
                                    new TwinDeployment(b.host(), b.instanceId(), null, null, true, true));
                });
        assertThat(mvc.get().uri("/api/orchestrator/twin/run"))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("twin-part-unavailable");
        assertThat(mvc.get().uri("/api/orchestrator/twin/gpus"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$[0].uuid")
                .isEqualTo("GPU-1");
    }

    @Test
    void namesAnInferenceHostThatCannotBeReachedAndKeepsServingTheRest() {
        InferenceStandIn a = inferenceHost("127.0.0.43", "v001");
        InferenceStandIn b = inferenceHost("127.0.0.44", "v001");
        b.stop();

        FleetTwin fleet = twin.refresh();

        assertThat(fleet.unavailable()).contains(b.instanceId()).doesNotContain(a.instanceId());
        assertThat(fleet.models().deployments())
                .contains(new TwinDeployment(a.host(), a.instanceId(), null, "v001", true, true))
                .anySatisfy(d -> {
                    assertThat(d.instanceId()).isEqualTo(b.instanceId());
                    assertThat(d.reachable()).isFalse();
                });
    }

    @Test
    void showsAVersionChangedBehindTheOrchestratorsBackAsDriftAndReconcilesIt() {
        InferenceStandIn a = inferenceHost("127.0.0.45", "v001");
        InferenceStandIn b = inferenceHost("127.0.0.46", "v001");
        deployed("v002");

        a.serve("v001");

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(twin.current().drift()).anySatisfy(d -> {
                    assertThat(d.kind()).isEqualTo("VERSION_NOT_DEPLOYED");
                    assertThat(d.subject()).isEqualTo(a.instanceId());
                }));
        await().atMost(PATIENCE).until(() -> "v002".equals(a.version()));
        assertThat(a.reloads()).containsExactly("v002", "v002");
        assertThat(b.reloads()).containsExactly("v002");
        assertThat(decisions.recent("RECONCILE", 50)).anySatisfy(d -> {
            assertThat(d.subject()).isEqualTo(a.instanceId());
            assertThat(d.outcome()).isEqualTo("reloaded v002");
            assertThat(d.reasons()).contains("it served v001 instead of v002");
        });
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(twin.refresh().drift())
                        .extracting(Drift::subject)
                        .doesNotContain(a.instanceId()));
        assertThat(mvc.get().uri("/api/orchestrator/twin/drift")).hasStatus(HttpStatus.OK);
    }

    @Test
    void keepsExpectingAHostThatIsGoneUntilItIsForgotten() {
        InferenceStandIn a = inferenceHost("127.0.0.47", "v001");
        twin.refresh();
        a.close();
        registry.deregister(a.instanceId());

        assertThat(twin.refresh().drift()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo("HOST_MISSING");
            assertThat(d.subject()).isEqualTo(a.host());
        });
        assertThat(twin.current().hosts()).anySatisfy(h -> {
            assertThat(h.host()).isEqualTo(a.host());
            assertThat(h.present()).isFalse();
            assertThat(h.expected()).isTrue();
        });
        assertThat(meters.get("fleet.orchestrator.drift")
                        .tag("kind", "HOST_MISSING")
                        .gauge()
                        .value())
                .isPositive();
        // what a restarted orchestrator reads back
        assertThat(new ExpectedFleet(jdbc, Clock.systemUTC()).observe(List.of()))
                .containsEntry(a.host(), Map.of("inference-service", "inference"));

        assertThat(mvc.delete().uri("/api/orchestrator/twin/hosts/{host}", a.host()))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(twin.current().drift())
                .noneSatisfy(d -> assertThat(d.subject()).isEqualTo(a.host()));
    }
}
