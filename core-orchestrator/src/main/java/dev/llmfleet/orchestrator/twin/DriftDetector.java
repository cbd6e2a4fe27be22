package dev.llmfleet.orchestrator.twin;

import dev.llmfleet.api.orchestrator.Drift;
import dev.llmfleet.api.orchestrator.TwinDeployment;
import dev.llmfleet.api.registry.InstanceStatus;
import dev.llmfleet.api.registry.ServiceInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Compares the fleet as it is with the fleet as it should be, and remembers since when each
 * difference has lasted (an episode ends when the difference is gone).
 *
 * <ul>
 *   <li>{@value #VERSION_NOT_DEPLOYED}: an UP inference host serves another version than the
 *       desired one, or none, or cannot say.
 *   <li>{@value #SERVICE_DOWN}: the registry has an instance DOWN (silent past its time-to-live).
 *   <li>{@value #SERVICE_MISSING}: a service seen on a host is gone from the registry while the
 *       host itself is still there.
 *   <li>{@value #HOST_MISSING}: a host seen before has nothing registered any more.
 * </ul>
 */
@Component
class DriftDetector {

    static final String VERSION_NOT_DEPLOYED = "VERSION_NOT_DEPLOYED";
    static final String SERVICE_DOWN = "SERVICE_DOWN";
    static final String SERVICE_MISSING = "SERVICE_MISSING";
    static final String HOST_MISSING = "HOST_MISSING";
    static final List<String> KINDS = List.of(VERSION_NOT_DEPLOYED, SERVICE_DOWN, SERVICE_MISSING, HOST_MISSING);

    private final Map<String, Instant> since = new HashMap<>();

    /**
     * @param expected every host seen before, with the services seen on it
     * @param deployments what each inference host serves against what it should
     */
    synchronized List<Drift> detect(
            List<ServiceInstance> instances,
            Map<String, Map<String, String>> expected,
            List<TwinDeployment> deployments,
            Instant now) {
        List<Drift> found = new ArrayList<>();
        Set<String> down = instances.stream()
                .filter(i -> i.status() == InstanceStatus.DOWN)
                .map(ServiceInstance::instanceId)
                .collect(Collectors.toSet());
        for (TwinDeployment d : deployments) {
            // a DOWN host is SERVICE_DOWN; its version is looked at once it is back
            if (d.desiredVersion() != null && !d.inSync() && !down.contains(d.instanceId())) {
                found.add(drift(
                        VERSION_NOT_DEPLOYED,
                        d.instanceId(),
                        d.desiredVersion(),
                        d.reachable() ? d.actualVersion() : "unreachable",
                        "reconciliation reloads " + d.desiredVersion() + " on it"));
            }
        }
        for (ServiceInstance i : instances) {
            if (i.status() == InstanceStatus.DOWN) {
                found.add(drift(
                        SERVICE_DOWN,
                        i.instanceId(),
                        "UP",
                        "DOWN",
                        "reported to the error bus; clears when it heartbeats again"));
            }
        }
        Map<String, Set<String>> registered = instances.stream()
                .collect(Collectors.groupingBy(
                        ServiceInstance::host, Collectors.mapping(ServiceInstance::serviceName, Collectors.toSet())));
        expected.forEach((host, services) -> {
            Set<String> there = registered.get(host);
            if (there == null) {
                found.add(drift(
                        HOST_MISSING,
                        host,
                        "services " + String.join(", ", services.keySet()),
                        "nothing registered",
                        "reported to the error bus; clears when a service of it registers again"));
                return;
            }
            services.keySet().stream()
                    .filter(service -> !there.contains(service))
                    .forEach(service -> found.add(drift(
                            SERVICE_MISSING,
                            service + "@" + host,
                            "registered",
                            "gone",
                            "reported to the error bus; clears when it registers again")));
        });
        return withSince(found, now);
    }

    private List<Drift> withSince(List<Drift> found, Instant now) {
        Set<String> current = new HashSet<>();
        List<Drift> dated = new ArrayList<>();
        for (Drift d : found) {
            String key = d.kind() + "|" + d.subject();
            current.add(key);
            Instant start = since.computeIfAbsent(key, k -> now);
            dated.add(new Drift(d.kind(), d.subject(), d.desired(), d.actual(), start, d.action()));
        }
        since.keySet().retainAll(current);
        return dated;
    }

    private static Drift drift(String kind, String subject, String desired, String actual, String action) {
        return new Drift(kind, subject, desired, actual, null, action);
    }
}
