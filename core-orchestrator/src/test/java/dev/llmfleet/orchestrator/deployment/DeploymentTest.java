package dev.llmfleet.orchestrator.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration DEADLINE = Duration.ofMinutes(2);
    static final Duration LEASE = Duration.ofMinutes(1);
    static final InferenceHost HOST = new InferenceHost("inf-1", "gpu-box", URI.create("http://gpu-box:8765"));

    @Test
    void cannotBeVerifiedBeforeEveryHostLoadedTheVersion() {
        Deployment deployment = deployment("v001");
        deployment.begin(List.of(HOST), T0, DEADLINE);

        assertThatThrownBy(() -> deployment.loaded(T0, DEADLINE)).isInstanceOf(IllegalStateException.class);

        deployment.target("inf-1").markLoaded();
        deployment.loaded(T0, DEADLINE);
        assertThat(deployment.state()).isEqualTo(DeploymentState.VERIFYING);
    }

    @Test
    void cannotBeDeployedWithoutHosts() {
        Deployment deployment = deployment("v001");

        assertThatThrownBy(() -> deployment.begin(List.of(), T0, DEADLINE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(deployment.state()).isEqualTo(DeploymentState.PENDING);
    }

    @Test
    void endsFailedWithoutAPreviousVersionAndRolledBackWithOne() {
        Deployment first = deployment(null);
        Deployment next = deployment("v001");

        first.abandon("host refused", T0);
        next.abandon("host refused", T0);

        assertThat(first.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(next.state()).isEqualTo(DeploymentState.ROLLED_BACK);
        assertThatThrownBy(() -> next.abandon("again", T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void isLeftAloneByOthersWhileItsLeaseRunsAndTakenOverWithAFreshDeadlineAfter() {
        Deployment deployment = deployment("v001");
        assertThat(deployment.claim("first", T0, LEASE, DEADLINE)).isFalse();
        deployment.retryLater("host down", T0, Duration.ofSeconds(1));

        assertThat(deployment.claimableBy("second", T0.plus(LEASE).minusSeconds(1)))
                .isFalse();
        Instant later = T0.plus(Duration.ofMinutes(10));
        assertThat(deployment.pastDeadline(later)).isTrue();
        assertThat(deployment.claimableBy("second", later)).isTrue();

        boolean takeover = deployment.claim("second", later, LEASE, DEADLINE);

        assertThat(takeover).isTrue();
        assertThat(deployment.pastDeadline(later)).isFalse();
        assertThat(deployment.due(later)).isTrue();
        assertThat(deployment.toApi().detail()).contains("taken over from first by second");
    }

    @Test
    void countsTheTriesOfAStepAndKeepsTheCountWhenItEnds() {
        Deployment deployment = deployment("v001");
        deployment.retryLater("no host", T0, Duration.ofSeconds(1));
        deployment.retryLater("no host", T0, Duration.ofSeconds(2));

        assertThat(deployment.due(T0.plusSeconds(1))).isFalse();
        deployment.abandon("gave up", T0.plusSeconds(3));

        assertThat(deployment.toApi().attempts()).isEqualTo(2);
    }

    private static Deployment deployment(String previous) {
        return new Deployment(DeploymentKind.DEPLOY, "v002", previous, null, "operator", "first", T0, LEASE, DEADLINE);
    }
}
