package dev.llmfleet.orchestrator.twin;

import dev.llmfleet.api.inference.ModelInfo;
import dev.llmfleet.api.lifecycle.LifecycleClient;
import dev.llmfleet.api.lifecycle.VersionView;
import dev.llmfleet.api.orchestrator.CandidateView;
import dev.llmfleet.api.orchestrator.TwinDeployment;
import dev.llmfleet.api.scheduler.DeviceStatus;
import dev.llmfleet.api.scheduler.QueueStatus;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.api.trainer.TrainerStatus;
import dev.llmfleet.orchestrator.coordinator.CoordinatorException;
import dev.llmfleet.orchestrator.coordinator.RequestCoordinator;
import dev.llmfleet.orchestrator.deployment.InferenceHost;
import dev.llmfleet.orchestrator.deployment.InferenceHosts;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/** Each part of the twin that lives in another service, read through the request coordinator. */
@Component
class FleetReadings {

    private final RequestCoordinator coordinator;
    private final SchedulerClient scheduler;
    private final TrainerClient trainer;
    private final LifecycleClient lifecycle;
    private final ObjectProvider<CandidateSource> candidates;
    private final InferenceHosts inference;

    FleetReadings(
            RequestCoordinator coordinator,
            SchedulerClient scheduler,
            TrainerClient trainer,
            LifecycleClient lifecycle,
            ObjectProvider<CandidateSource> candidates,
            InferenceHosts inference) {
        this.coordinator = coordinator;
        this.scheduler = scheduler;
        this.trainer = trainer;
        this.lifecycle = lifecycle;
        this.candidates = candidates;
        this.inference = inference;
    }

    List<DeviceStatus> gpus() {
        return coordinator.call("scheduler", scheduler::devices);
    }

    QueueStatus queue() {
        return coordinator.call("scheduler", scheduler::queueStatus);
    }

    TrainerStatus run() {
        return coordinator.call("trainer", trainer::status);
    }

    /** The newest version's name; null when the training host has none yet. */
    String latestVersion() {
        try {
            VersionView latest = coordinator.call("lifecycle", () -> lifecycle.version("latest"));
            return latest == null ? null : latest.name();
        } catch (CoordinatorException e) {
            if (e.getCause() instanceof HttpClientErrorException refused
                    && refused.getStatusCode().value() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** The newest evaluated candidate; null when there is none, or no pipeline to ask. */
    CandidateView latestCandidate() {
        CandidateSource source = candidates.getIfAvailable();
        return source == null ? null : source.latest().orElse(null);
    }

    /** What {@code host} serves against {@code desired}; throws when the host cannot be asked. */
    TwinDeployment served(InferenceHost host, String desired) {
        String actual = inference.info(host).map(ModelInfo::version).orElse(null);
        return new TwinDeployment(
                host.host(), host.instanceId(), desired, actual, true, desired == null || desired.equals(actual));
    }

    static TwinDeployment unreachable(InferenceHost host, String desired) {
        return new TwinDeployment(host.host(), host.instanceId(), desired, null, false, desired == null);
    }
}
