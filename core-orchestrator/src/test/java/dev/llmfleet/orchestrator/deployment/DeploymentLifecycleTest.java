package dev.llmfleet.orchestrator.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.orchestrator.DecisionView;
import dev.llmfleet.api.orchestrator.DeploymentView;
import dev.llmfleet.orchestrator.twin.FleetTwinService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DeploymentLifecycleTest extends StandInFleetTest {

    @Autowired
    FleetTwinService twin;

    @Autowired
    MeterRegistry meters;

    @Test
    void deploysAVersionToEveryInferenceHostAndRecordsTheDecision() {
        InferenceStandIn a = inferenceHost("127.0.0.21", "v001");
        InferenceStandIn b = inferenceHost("127.0.0.22", "v001");

        DeploymentView started = deployments.deploy("v002", "better on arithmetic", DeploymentService.ORCHESTRATOR);
        assertThat(started.state()).isEqualTo("PENDING");
        assertThat(started.previousVersion()).isNull();
        double deployedBefore = deployedCount();

        DeploymentView ended = awaitEnd(started.id(), "DEPLOYED");

        assertThat(ended.finishedAt()).isNotNull();
        assertThat(a.reloads()).containsExactly("v002");
        assertThat(b.reloads()).containsExactly("v002");
        assertThat(deployments.deployedVersion()).contains("v002");
        assertThat(deployedCount()).isEqualTo(deployedBefore + 1);
        assertThat(decisions.recent("DEPLOY", 20)).anySatisfy(d -> {
            assertThat(d.subject()).isEqualTo("v002");
            assertThat(d.outcome()).isEqualTo("deployed to 2 host(s)");
            assertThat(d.actor()).isEqualTo("orchestrator");
            assertThat(d.reasons()).contains("better on arithmetic");
        });
    }

    @Test
    void rollsBackWhenAHostGoesDownAndReconcilesItOnceItIsBack() {
        InferenceStandIn a = inferenceHost("127.0.0.23", "v001");
        InferenceStandIn b = inferenceHost("127.0.0.24", "v001");
        deployed("v002");
        b.stop();

        DeploymentView started = deployments.deploy("v003", "next candidate", DeploymentService.ORCHESTRATOR);
        DeploymentView ended = awaitEnd(started.id(), "ROLLED_BACK");

        assertThat(ended.previousVersion()).isEqualTo("v002");
        assertThat(ended.attempts()).isPositive();
        assertThat(ended.detail()).contains(b.instanceId()).contains("did not succeed within");
        assertThat(deployments.deployedVersion()).contains("v002");
        assertThat(a.reloads()).containsExactly("v002", "v003", "v002");
        assertThat(a.version()).isEqualTo("v002");
        DecisionView rollback = decisions.recent("ROLLBACK", 20).stream()
                .filter(d -> d.subject().equals("v003"))
                .findFirst()
                .orElseThrow();
        assertThat(rollback.outcome()).startsWith("rolled back to v002");
        assertThat(rollback.reasons())
                .anySatisfy(r -> assertThat(r).contains(b.instanceId()))
                .anySatisfy(r -> assertThat(r).isEqualTo(a.instanceId() + " reloaded v002"));

        b.restart("v001");

        await().atMost(PATIENCE).until(() -> "v002".equals(b.version()));
        assertThat(decisions.recent("RECONCILE", 50)).anySatisfy(d -> {
            assertThat(d.subject()).isEqualTo(b.instanceId());
            assertThat(d.outcome()).isEqualTo("reloaded v002");
        });
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(twin.refresh().drift())
                        .noneSatisfy(d -> assertThat(d.subject()).isIn(a.instanceId(), b.instanceId())));
    }

    @Test
    void rollsBackAtOnceWhenAHostAnswersTheSmokeGenerationWithoutAChoice() {
        InferenceStandIn a = inferenceHost("127.0.0.25", "v001");
        deployed("v002");
        a.answerWithoutAChoice();

        DeploymentView ended =
                awaitEnd(deployments.deploy("v003", null, "operator").id(), "ROLLED_BACK");

        assertThat(ended.detail()).contains("answered the smoke generation without a finished choice");
        assertThat(ended.attempts()).isZero();
        assertThat(a.version()).isEqualTo("v002");
    }

    @Test
    void deploysAModelThatEndsItsTurnAtOnceOnTheSmokePrompt() {
        InferenceStandIn a = inferenceHost("127.0.0.32", "v001");
        deployed("v002");
        a.answerSilently();

        DeploymentView ended =
                awaitEnd(deployments.deploy("v003", null, "operator").id(), "DEPLOYED");

        assertThat(ended.detail()).doesNotContain("smoke generation with");
        assertThat(a.version()).isEqualTo("v003");
        assertThat(deployments.deployedVersion()).contains("v003");
    }

    @Test
    void failsAFirstDeploymentThatHasNoPreviousVersionToGoBackTo() {
        InferenceStandIn a = inferenceHost("127.0.0.26", "v001");
        a.answerWithoutAChoice();

        DeploymentView ended =
                awaitEnd(deployments.deploy("v002", null, "operator").id(), "FAILED");

        assertThat(ended.previousVersion()).isNull();
        assertThat(deployments.deployedVersion()).isEmpty();
    }

    @Test
    void finishesADeploymentThatAPreviousOrchestratorLeftInDeploying() {
        InferenceStandIn a = inferenceHost("127.0.0.27", "v001");
        InferenceStandIn b = inferenceHost("127.0.0.28", "v001");
        deployed("v002");
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        // what a crashed orchestrator leaves: DEPLOYING, its lease and its step deadline over,
        // the first host done and the second not yet
        jdbc.update(
                """
                INSERT INTO deployment (id, kind, version, previous_version, state, reason, requested_by, attempts,
                    detail, started_at, step_deadline, next_attempt_at, owner, lease_until, row_version)
                VALUES (?, 'DEPLOY', 'v003', 'v002', 'DEPLOYING', 'before the restart', 'operator', 2,
                    'loading v003', ?, ?, ?, 'orchestrator-crashed', ?, 7)
                """,
                id,
                Timestamp.from(now.minusSeconds(600)),
                Timestamp.from(now.minusSeconds(300)),
                Timestamp.from(now.minusSeconds(300)),
                Timestamp.from(now.minusSeconds(60)));
        insertTarget(id, a, true);
        insertTarget(id, b, false);
        a.serve("v003");

        DeploymentView ended = awaitEnd(id, "DEPLOYED");

        assertThat(ended.requestedBy()).isEqualTo("operator");
        assertThat(a.reloads()).containsExactly("v002");
        assertThat(b.reloads()).containsExactly("v002", "v003");
        assertThat(deployments.deployedVersion()).contains("v003");
    }

    @Test
    void rollsBackTwiceThroughTheHistoryInsteadOfBackAndForth() {
        InferenceStandIn a = inferenceHost("127.0.0.29", "v001");
        deployed("v001");
        deployed("v002");
        deployed("v003");

        DeploymentView first =
                awaitEnd(deployments.rollback("v003 is worse", "operator").id(), "DEPLOYED");
        DeploymentView second =
                awaitEnd(deployments.rollback("so is v002", "operator").id(), "DEPLOYED");

        assertThat(first.version()).isEqualTo("v002");
        assertThat(second.version()).isEqualTo("v001");
        assertThat(a.version()).isEqualTo("v001");
        // the decision is written once the deployment has ended
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(decisions.recent("ROLLBACK", 20))
                        .anySatisfy(d -> assertThat(d.outcome()).isEqualTo("rolled back from v002 to v001")));
    }

    private double deployedCount() {
        Counter counter = meters.find("fleet.orchestrator.deployments")
                .tag("outcome", "deployed")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private void insertTarget(UUID deployment, InferenceStandIn host, boolean loaded) {
        jdbc.update(
                "INSERT INTO deployment_target (deployment_id, instance_id, host, url, loaded, verified)"
                        + " VALUES (?, ?, ?, ?, ?, FALSE)",
                deployment,
                host.instanceId(),
                host.host(),
                "http://" + host.host() + ":"
                        + host.instanceId().substring(host.instanceId().lastIndexOf(':') + 1),
                loaded);
    }
}
