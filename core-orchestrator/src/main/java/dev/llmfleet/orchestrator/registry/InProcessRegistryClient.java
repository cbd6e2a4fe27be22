package dev.llmfleet.orchestrator.registry;

import dev.llmfleet.api.registry.HeartbeatRequest;
import dev.llmfleet.api.registry.HeartbeatResponse;
import dev.llmfleet.api.registry.PrometheusTargetGroup;
import dev.llmfleet.api.registry.RegisterInstanceRequest;
import dev.llmfleet.api.registry.RegistryClient;
import dev.llmfleet.api.registry.ServiceInstance;
import dev.llmfleet.api.registry.ServiceSummary;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The orchestrator registers itself and looks others up without a network hop: the starter's HTTP
 * registry client backs off when this bean exists, so the registry works whatever port it got.
 */
@Component
class InProcessRegistryClient implements RegistryClient {

    private final RegistryService registry;

    InProcessRegistryClient(RegistryService registry) {
        this.registry = registry;
    }

    @Override
    public ServiceInstance register(RegisterInstanceRequest request) {
        return registry.register(request);
    }

    @Override
    public HeartbeatResponse heartbeat(String instanceId, HeartbeatRequest request) {
        try {
            return registry.heartbeat(instanceId, request);
        } catch (InstanceNotFoundException e) {
            // the registrar treats an HTTP 404 as "register again"; keep the same contract in-process
            throw org.springframework.web.client.HttpClientErrorException.create(
                    org.springframework.http.HttpStatus.NOT_FOUND, e.getMessage(), null, null, null);
        }
    }

    @Override
    public void deregister(String instanceId) {
        registry.deregister(instanceId);
    }

    @Override
    public List<ServiceInstance> allInstances() {
        return registry.allInstances();
    }

    @Override
    public List<ServiceSummary> services() {
        return registry.services();
    }

    @Override
    public List<ServiceInstance> upInstances(String serviceName) {
        return registry.upInstances(serviceName);
    }

    @Override
    public List<PrometheusTargetGroup> prometheusTargets() {
        return registry.prometheusTargets();
    }
}
