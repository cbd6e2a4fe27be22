package dev.llmfleet.orchestrator.registry;

import dev.llmfleet.api.registry.HeartbeatRequest;
import dev.llmfleet.api.registry.HeartbeatResponse;
import dev.llmfleet.api.registry.PrometheusTargetGroup;
import dev.llmfleet.api.registry.RegisterInstanceRequest;
import dev.llmfleet.api.registry.ServiceInstance;
import dev.llmfleet.api.registry.ServiceSummary;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/registry")
class RegistryController {

    private final RegistryService registry;

    RegistryController(RegistryService registry) {
        this.registry = registry;
    }

    @PostMapping("/instances")
    ResponseEntity<ServiceInstance> register(@Valid @RequestBody RegisterInstanceRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(registry.register(request));
    }

    @PutMapping("/instances/{instanceId}/heartbeat")
    HeartbeatResponse heartbeat(
            @PathVariable String instanceId, @RequestBody(required = false) HeartbeatRequest request) {
        return registry.heartbeat(instanceId, request == null ? new HeartbeatRequest(List.of()) : request);
    }

    @DeleteMapping("/instances/{instanceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deregister(@PathVariable String instanceId) {
        registry.deregister(instanceId);
    }

    @GetMapping("/instances")
    List<ServiceInstance> instances() {
        return registry.allInstances();
    }

    @GetMapping("/instances/{instanceId}")
    ServiceInstance instance(@PathVariable String instanceId) {
        return registry.get(instanceId);
    }

    @GetMapping("/services")
    List<ServiceSummary> services() {
        return registry.services();
    }

    @GetMapping("/services/{serviceName}/instances")
    List<ServiceInstance> upInstances(@PathVariable String serviceName) {
        return registry.upInstances(serviceName);
    }

    @GetMapping("/prometheus-sd")
    List<PrometheusTargetGroup> prometheusTargets() {
        return registry.prometheusTargets();
    }
}
