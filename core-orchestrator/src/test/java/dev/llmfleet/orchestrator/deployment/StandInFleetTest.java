package dev.llmfleet.orchestrator.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.lifecycle.LifecycleClient;
import dev.llmfleet.api.orchestrator.DeploymentView;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.orchestrator.decision.DecisionLog;
import dev.llmfleet.orchestrator.registry.RegistryService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The whole orchestrator with its loops running fast, real HTTP stand-ins for the inference hosts
 * (each on a loopback address of its own, registered in the registry like a real host), and mocks
 * for the scheduler and the training host. Every subclass shares this one application context.
 */
@SpringBootTest(
        properties = {
            "fleet.security.enabled=false",
            "fleet.registry.enabled=false",
            // the pipeline's own loop is tested on its own; here it would only act on the mocks
            "fleet.orchestrator.pipeline.enabled=false",
            "fleet.orchestrator.registry.ttl=1h",
            "fleet.orchestrator.coordinator.timeout=2s",
            "fleet.orchestrator.coordinator.attempts=2",
            "fleet.orchestrator.coordinator.backoff=20ms",
            "fleet.orchestrator.coordinator.breaker-open-for=300ms",
            "fleet.orchestrator.twin.refresh-interval=200ms",
            "fleet.orchestrator.twin.stale-after=1s",
            "fleet.orchestrator.twin.reconcile-interval=200ms",
            "fleet.orchestrator.twin.reconcile-backoff=200ms",
            "fleet.orchestrator.twin.reconcile-max-backoff=1s",
            "fleet.orchestrator.deployment.interval=100ms",
            "fleet.orchestrator.deployment.step-deadline=3s",
            "fleet.orchestrator.deployment.retry-backoff=100ms",
            "fleet.orchestrator.deployment.retry-max-backoff=400ms"
        })
@AutoConfigureMockMvc
public abstract class StandInFleetTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final List<String> IN_PROGRESS = List.of("PENDING", "DEPLOYING", "VERIFYING");

    @MockitoBean
    protected SchedulerClient scheduler;

    @MockitoBean
    protected TrainerClient trainer;

    @MockitoBean
    protected LifecycleClient lifecycle;

    @Autowired
    protected RegistryService registry;

    @Autowired
    protected DeploymentService deployments;

    @Autowired
    protected DecisionLog decisions;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MockMvcTester mvc;

    private final List<InferenceStandIn> standIns = new ArrayList<>();

    @BeforeEach
    void noDeploymentsYet() {
        // nothing desired yet, so that reconciliation leaves the new stand-ins alone
        jdbc.update("DELETE FROM deployment");
    }

    @AfterEach
    void takeStandInsAway() {
        for (InferenceStandIn standIn : standIns) {
            standIn.close();
            if (registry.allInstances().stream().anyMatch(i -> i.instanceId().equals(standIn.instanceId()))) {
                registry.deregister(standIn.instanceId());
            }
        }
        standIns.clear();
        jdbc.update("DELETE FROM deployment");
    }

    /** An inference host serving {@code version}, UP in the registry. */
    protected InferenceStandIn inferenceHost(String address, String version) {
        InferenceStandIn standIn = InferenceStandIn.serving(address, version);
        standIns.add(standIn);
        registry.register(standIn.registration());
        return standIn;
    }

    /** Deploys {@code version} as the pipeline does, and waits for it to be deployed. */
    protected DeploymentView deployed(String version) {
        DeploymentView started = deployments.deploy(version, "set-up", DeploymentService.ORCHESTRATOR);
        return awaitEnd(started.id(), "DEPLOYED");
    }

    /** Waits for the deployment to end, and checks it ended in {@code state}. */
    protected DeploymentView awaitEnd(UUID id, String state) {
        DeploymentView ended = await().atMost(PATIENCE)
                .until(() -> deployments.find(id).orElseThrow(), d -> !IN_PROGRESS.contains(d.state()));
        assertThat(ended.state())
                .as("deployment ended with: %s", ended.detail())
                .isEqualTo(state);
        return ended;
    }
}
