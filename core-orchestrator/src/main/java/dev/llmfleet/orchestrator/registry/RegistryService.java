package dev.llmfleet.orchestrator.registry;

import dev.llmfleet.api.registry.HeartbeatRequest;
import dev.llmfleet.api.registry.HeartbeatResponse;
import dev.llmfleet.api.registry.InstanceStatus;
import dev.llmfleet.api.registry.PrometheusTargetGroup;
import dev.llmfleet.api.registry.RegisterInstanceRequest;
import dev.llmfleet.api.registry.ServiceInstance;
import dev.llmfleet.api.registry.ServiceSummary;
import dev.llmfleet.orchestrator.OrchestratorProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;

/**
 * The service registry: who is up, where, since when.
 *
 * <p>Registrations live in memory for fast look-ups and heartbeats and are written through to
 * PostgreSQL, so a restarted orchestrator starts from what it knew.
 */
@Service
public class RegistryService implements SmartInitializingSingleton {

    private static final Log log = LogFactory.getLog(RegistryService.class);

    private final Map<String, LiveInstance> instances = new ConcurrentHashMap<>();
    private final RegistryStore store;
    private final OrchestratorProperties.Registry settings;
    private final Clock clock;

    public RegistryService(RegistryStore store, OrchestratorProperties properties, Clock clock) {
        this.store = store;
        this.settings = properties.registry();
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        store.loadAll().forEach(i -> instances.put(i.instanceId(), i));
        log.info("Registry loaded " + instances.size() + " instance(s) from the database");
    }

    public ServiceInstance register(RegisterInstanceRequest request) {
        LiveInstance live = LiveInstance.registered(request, clock.instant());
        store.save(live);
        instances.put(live.instanceId(), live);
        log.info("Registered %s (%s at %s:%d)"
                .formatted(live.instanceId(), live.serviceName(), live.host(), live.port()));
        return live.toApi();
    }

    public HeartbeatResponse heartbeat(String instanceId) {
        return heartbeat(instanceId, new HeartbeatRequest(List.of()));
    }

    public HeartbeatResponse heartbeat(String instanceId, HeartbeatRequest request) {
        LiveInstance live = find(instanceId);
        Instant now = clock.instant();
        if (live.heartbeat(now, request.workersDown())) {
            store.save(live);
            log.info("Instance " + instanceId + " is back UP");
        }
        return new HeartbeatResponse(instanceId, live.status(), now.plus(settings.ttl()));
    }

    public void deregister(String instanceId) {
        find(instanceId);
        store.delete(instanceId);
        instances.remove(instanceId);
        log.info("Deregistered " + instanceId);
    }

    public ServiceInstance get(String instanceId) {
        return find(instanceId).toApi();
    }

    public List<ServiceSummary> services() {
        Map<String, int[]> counts = new TreeMap<>();
        for (LiveInstance i : instances.values()) {
            int[] c = counts.computeIfAbsent(i.serviceName(), n -> new int[2]);
            c[i.status() == InstanceStatus.UP ? 0 : 1]++;
        }
        return counts.entrySet().stream()
                .map(e -> new ServiceSummary(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    public List<ServiceInstance> upInstances(String serviceName) {
        return instances.values().stream()
                .filter(i -> i.serviceName().equals(serviceName) && i.status() == InstanceStatus.UP)
                .sorted(Comparator.comparing(LiveInstance::instanceId))
                .map(LiveInstance::toApi)
                .toList();
    }

    public List<ServiceInstance> allInstances() {
        return instances.values().stream()
                .sorted(Comparator.comparing(LiveInstance::serviceName).thenComparing(LiveInstance::instanceId))
                .map(LiveInstance::toApi)
                .toList();
    }

    public List<PrometheusTargetGroup> prometheusTargets() {
        return instances.values().stream()
                .filter(i -> i.status() == InstanceStatus.UP)
                .sorted(Comparator.comparing(LiveInstance::instanceId))
                .map(i -> {
                    Map<String, String> labels = new LinkedHashMap<>();
                    labels.put("__metrics_path__", "/actuator/prometheus");
                    labels.put("__scheme__", i.scheme());
                    labels.put("service", i.serviceName());
                    labels.put("instance_id", i.instanceId());
                    labels.put("host_role", i.hostRole());
                    return new PrometheusTargetGroup(List.of(i.host() + ":" + i.port()), labels);
                })
                .toList();
    }

    Collection<LiveInstance> live() {
        return instances.values();
    }

    void markedDown(LiveInstance live) {
        store.save(live);
    }

    void evict(LiveInstance live) {
        store.delete(live.instanceId());
        instances.remove(live.instanceId(), live);
    }

    private LiveInstance find(String instanceId) {
        LiveInstance live = instances.get(instanceId);
        if (live == null) {
            throw InstanceNotFoundException.forId(instanceId);
        }
        return live;
    }
}
