package dev.llmfleet.orchestrator.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.orchestrator.Drift;
import dev.llmfleet.api.orchestrator.TwinDeployment;
import dev.llmfleet.api.registry.InstanceStatus;
import dev.llmfleet.api.registry.ServiceInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    final DriftDetector detector = new DriftDetector();

    @Test
    void findsAnInferenceHostServingAnotherVersionThanDesired() {
        List<Drift> drift = detector.detect(
                List.of(instance("inference-service", "inf-1", "gpu-box", InstanceStatus.UP)),
                Map.of(),
                List.of(new TwinDeployment("gpu-box", "inf-1", "v002", "v001", true, false)),
                T0);

        assertThat(drift).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo("VERSION_NOT_DEPLOYED");
            assertThat(d.subject()).isEqualTo("inf-1");
            assertThat(d.desired()).isEqualTo("v002");
            assertThat(d.actual()).isEqualTo("v001");
            assertThat(d.since()).isEqualTo(T0);
        });
    }

    @Test
    void reportsADownServiceOnceAsDownAndNotAlsoAsServingTheWrongVersion() {
        List<Drift> drift = detector.detect(
                List.of(instance("inference-service", "inf-1", "gpu-box", InstanceStatus.DOWN)),
                Map.of("gpu-box", Map.of("inference-service", "inference")),
                List.of(new TwinDeployment("gpu-box", "inf-1", "v002", null, false, false)),
                T0);

        assertThat(drift).extracting(Drift::kind).containsExactly("SERVICE_DOWN");
    }

    @Test
    void tellsAMissingServiceOnAHostThatIsStillThereFromAHostThatIsGone() {
        Map<String, Map<String, String>> expected = Map.of(
                "train-box", Map.of("trainer-service", "training", "resource-scheduler", "training"),
                "gpu-box", Map.of("inference-service", "inference"));

        List<Drift> drift = detector.detect(
                List.of(instance("trainer-service", "tr-1", "train-box", InstanceStatus.UP)), expected, List.of(), T0);

        assertThat(drift)
                .extracting(Drift::kind, Drift::subject)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("SERVICE_MISSING", "resource-scheduler@train-box"),
                        org.assertj.core.groups.Tuple.tuple("HOST_MISSING", "gpu-box"));
    }

    @Test
    void keepsWhenADifferenceBeganUntilItEndsAndStartsAFreshEpisodeAfter() {
        List<ServiceInstance> down = List.of(instance("error-bus", "eb-1", "core", InstanceStatus.DOWN));
        List<ServiceInstance> up = List.of(instance("error-bus", "eb-1", "core", InstanceStatus.UP));

        detector.detect(down, Map.of(), List.of(), T0);
        Drift later = detector.detect(down, Map.of(), List.of(), T0.plus(Duration.ofMinutes(5)))
                .getFirst();
        List<Drift> recovered = detector.detect(up, Map.of(), List.of(), T0.plus(Duration.ofMinutes(6)));
        Drift again = detector.detect(down, Map.of(), List.of(), T0.plus(Duration.ofMinutes(7)))
                .getFirst();

        assertThat(later.since()).isEqualTo(T0);
        assertThat(recovered).isEmpty();
        assertThat(again.since()).isEqualTo(T0.plus(Duration.ofMinutes(7)));
    }

    @Test
    void seesNoVersionDriftBeforeAnythingWasDeployed() {
        List<Drift> drift = detector.detect(
                List.of(instance("inference-service", "inf-1", "gpu-box", InstanceStatus.UP)),
                Map.of("gpu-box", Map.of("inference-service", "inference")),
                List.of(new TwinDeployment("gpu-box", "inf-1", null, "v001", true, true)),
                T0);

        assertThat(drift).isEmpty();
    }

    private static ServiceInstance instance(String service, String id, String host, InstanceStatus status) {
        return new ServiceInstance(service, id, host, 8765, "http", "inference", Map.of(), status, T0, T0, List.of());
    }
}
