package dev.llmfleet.orchestrator.twin;

import dev.llmfleet.api.orchestrator.CandidateView;
import dev.llmfleet.api.orchestrator.Drift;
import dev.llmfleet.api.orchestrator.FleetTwin;
import dev.llmfleet.api.orchestrator.TwinDeployment;
import dev.llmfleet.api.orchestrator.TwinHost;
import dev.llmfleet.api.orchestrator.TwinModels;
import dev.llmfleet.api.orchestrator.TwinService;
import dev.llmfleet.api.registry.InstanceStatus;
import dev.llmfleet.api.registry.ServiceInstance;
import dev.llmfleet.api.scheduler.DeviceStatus;
import dev.llmfleet.api.scheduler.QueueStatus;
import dev.llmfleet.api.trainer.TrainerStatus;
import dev.llmfleet.orchestrator.deployment.Deployments;
import dev.llmfleet.orchestrator.deployment.InferenceHost;
import dev.llmfleet.orchestrator.registry.RegistryService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Future;
import org.springframework.stereotype.Component;

/**
 * Reads the fleet once into a {@link FleetTwin}: hosts and services from the registry, against
 * the hosts and services seen before; GPUs and queue from the scheduler; the run from the trainer;
 * the newest version and candidate; and what every inference host serves against the desired
 * version (the last successful deployment). Every remote part is read at the same time.
 */
@Component
class TwinObserver {

    private final RegistryService registry;
    private final FleetReadings readings;
    private final Deployments deployments;
    private final ExpectedFleet expectedFleet;
    private final DriftDetector detector;
    private final Clock clock;

    TwinObserver(
            RegistryService registry,
            FleetReadings readings,
            Deployments deployments,
            ExpectedFleet expectedFleet,
            DriftDetector detector,
            Clock clock) {
        this.registry = registry;
        this.readings = readings;
        this.deployments = deployments;
        this.expectedFleet = expectedFleet;
        this.detector = detector;
        this.clock = clock;
    }

    FleetTwin observe() {
        Instant now = clock.instant();
        List<ServiceInstance> instances = registry.allInstances();
        try (PartReader reader = new PartReader()) {
            Future<List<DeviceStatus>> gpus = reader.read("gpus", readings::gpus);
            Future<QueueStatus> queue = reader.read("queue", readings::queue);
            Future<TrainerStatus> run = reader.read("run", readings::run);
            Future<String> latestVersion = reader.read("models.latestVersion", readings::latestVersion);
            Future<CandidateView> candidate = reader.read("models.latestCandidate", readings::latestCandidate);
            Future<Map<String, Map<String, String>>> expected =
                    reader.read("expectedHosts", () -> expectedFleet.observe(instances));
            Future<String> desired = reader.read(
                    "models.desiredVersion", () -> deployments.deployedVersion().orElse(null));
            List<TwinDeployment> served = served(instances, PartReader.await(desired), reader);
            Map<String, Map<String, String>> seen = PartReader.await(expected);
            Map<String, Map<String, String>> expectedHosts = seen == null ? Map.of() : seen;
            List<Drift> drift = detector.detect(instances, expectedHosts, served, now);
            return new FleetTwin(
                    now,
                    hosts(instances, expectedHosts),
                    instances.stream().map(TwinObserver::service).toList(),
                    PartReader.await(gpus),
                    PartReader.await(queue),
                    PartReader.await(run),
                    new TwinModels(
                            PartReader.await(desired),
                            PartReader.await(latestVersion),
                            PartReader.await(candidate),
                            served),
                    drift,
                    reader.unavailable());
        }
    }

    /** Every registered inference host's version; a DOWN one is not asked. */
    private List<TwinDeployment> served(List<ServiceInstance> instances, String desired, PartReader reader) {
        List<InferenceHost> hosts = new ArrayList<>();
        List<Future<TwinDeployment>> answers = new ArrayList<>();
        for (ServiceInstance instance : instances) {
            if (!InferenceHost.SERVICE.equals(instance.serviceName())) {
                continue;
            }
            InferenceHost host = InferenceHost.of(instance);
            hosts.add(host);
            answers.add(
                    instance.status() == InstanceStatus.UP
                            ? reader.read(instance.instanceId(), () -> readings.served(host, desired))
                            : reader.read(instance.instanceId(), () -> FleetReadings.unreachable(host, desired)));
        }
        List<TwinDeployment> served = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            TwinDeployment answer = PartReader.await(answers.get(i));
            served.add(answer == null ? FleetReadings.unreachable(hosts.get(i), desired) : answer);
        }
        return served;
    }

    private static List<TwinHost> hosts(List<ServiceInstance> instances, Map<String, Map<String, String>> expected) {
        Map<String, List<ServiceInstance>> byHost = new TreeMap<>();
        instances.forEach(
                i -> byHost.computeIfAbsent(i.host(), h -> new ArrayList<>()).add(i));
        expected.keySet().forEach(h -> byHost.computeIfAbsent(h, x -> new ArrayList<>()));
        List<TwinHost> hosts = new ArrayList<>();
        byHost.forEach((host, registered) -> {
            Map<String, String> seen = expected.getOrDefault(host, Map.of());
            TreeSet<String> roles = new TreeSet<>(seen.values());
            TreeSet<String> services = new TreeSet<>();
            registered.forEach(i -> {
                roles.add(i.hostRole());
                services.add(i.serviceName());
            });
            if (registered.isEmpty()) {
                services.addAll(seen.keySet());
            }
            boolean present = registered.stream().anyMatch(i -> i.status() == InstanceStatus.UP);
            hosts.add(
                    new TwinHost(host, List.copyOf(roles), present, expected.containsKey(host), List.copyOf(services)));
        });
        return hosts;
    }

    private static TwinService service(ServiceInstance i) {
        return new TwinService(
                i.serviceName(),
                i.instanceId(),
                i.host(),
                i.baseUri().toString(),
                i.status(),
                i.lastHeartbeat(),
                i.workersDown());
    }
}
