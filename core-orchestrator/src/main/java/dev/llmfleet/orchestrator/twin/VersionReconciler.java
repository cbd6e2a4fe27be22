package dev.llmfleet.orchestrator.twin;

import dev.llmfleet.api.inference.ModelInfo;
import dev.llmfleet.api.orchestrator.FleetTwin;
import dev.llmfleet.api.orchestrator.TwinService;
import dev.llmfleet.orchestrator.OrchestratorProperties;
import dev.llmfleet.orchestrator.coordinator.CoordinatorException;
import dev.llmfleet.orchestrator.decision.DecisionLog;
import dev.llmfleet.orchestrator.deployment.Deployments;
import dev.llmfleet.orchestrator.deployment.InferenceHost;
import dev.llmfleet.orchestrator.deployment.InferenceHosts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Brings every inference host that drifted from the desired version back to it: a host that came
 * back after a deployment, one that was reloaded behind the orchestrator's back, a new one. Never
 * while a deployment is in progress (that deployment decides). Each host is tried at most once per
 * back-off, which doubles with every failure, so a broken host is not hammered.
 */
@Component
class VersionReconciler {

    static final String DECISION = "RECONCILE";
    private static final String ACTOR = "orchestrator";

    private final Deployments deployments;
    private final InferenceHosts hosts;
    private final DecisionLog decisions;
    private final OrchestratorProperties.Twin settings;
    private final Clock clock;
    private final Map<String, Backoff> backoffs = new ConcurrentHashMap<>();

    private record Backoff(int failures, Instant next) {}

    VersionReconciler(
            Deployments deployments,
            InferenceHosts hosts,
            DecisionLog decisions,
            OrchestratorProperties properties,
            Clock clock) {
        this.deployments = deployments;
        this.hosts = hosts;
        this.decisions = decisions;
        this.settings = properties.twin();
        this.clock = clock;
    }

    /** @return whether any host was reloaded (or tried), so that the twin is worth reading again */
    boolean reconcile(FleetTwin twin) {
        Set<String> drifting = twin.drift().stream()
                .filter(d -> DriftDetector.VERSION_NOT_DEPLOYED.equals(d.kind()))
                .map(d -> d.subject())
                .collect(Collectors.toSet());
        backoffs.keySet().retainAll(drifting);
        String desired = twin.models() == null ? null : twin.models().desiredVersion();
        if (drifting.isEmpty() || desired == null || deployments.inProgress().isPresent()) {
            return false;
        }
        if (!desired.equals(deployments.deployedVersion().orElse(null))) {
            return false; // a deployment ended after this snapshot: wait for the next one
        }
        Map<String, TwinService> instances =
                twin.services().stream().collect(Collectors.toMap(TwinService::instanceId, s -> s, (a, b) -> a));
        Instant now = clock.instant();
        boolean acted = false;
        for (String instanceId : drifting) {
            TwinService instance = instances.get(instanceId);
            Backoff backoff = backoffs.get(instanceId);
            if (instance == null || (backoff != null && backoff.next().isAfter(now))) {
                continue;
            }
            InferenceHost host = new InferenceHost(instanceId, instance.host(), URI.create(instance.url()));
            acted |= reload(host, desired, now);
        }
        return acted;
    }

    private boolean reload(InferenceHost host, String desired, Instant now) {
        String was = null;
        try {
            was = hosts.info(host).map(ModelInfo::version).orElse(null);
            if (desired.equals(was)) {
                return false; // it came right by itself since the snapshot
            }
            hosts.reload(host, desired);
            backoffs.put(host.instanceId(), new Backoff(0, now.plus(settings.reconcileBackoff())));
            decisions.record(
                    DECISION,
                    host.instanceId(),
                    "reloaded " + desired,
                    List.of(
                            "it served " + (was == null ? "no version" : was) + " instead of " + desired,
                            desired + " is the desired version: the last successful deployment"),
                    ACTOR);
        } catch (CoordinatorException e) {
            Backoff previous = backoffs.get(host.instanceId());
            int failures = previous == null ? 1 : previous.failures() + 1;
            Duration wait = wait(failures);
            backoffs.put(host.instanceId(), new Backoff(failures, now.plus(wait)));
            decisions.record(
                    DECISION,
                    host.instanceId(),
                    "reload of " + desired + " failed",
                    List.of(
                            "it served " + Optional.ofNullable(was).orElse("no known version") + " instead of "
                                    + desired,
                            e.getMessage(),
                            "next try in " + wait + " (failure " + failures + ")"),
                    ACTOR);
        }
        return true;
    }

    private Duration wait(int failures) {
        Duration wait = settings.reconcileBackoff().multipliedBy(1L << Math.min(failures, 20));
        return wait.compareTo(settings.reconcileMaxBackoff()) > 0 ? settings.reconcileMaxBackoff() : wait;
    }
}
