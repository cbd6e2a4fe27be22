package dev.llmfleet.api.registry;

import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/** The service registry of core-orchestrator. */
@HttpExchange("/api/registry")
public interface RegistryClient {

    @PostExchange("/instances")
    ServiceInstance register(@RequestBody RegisterInstanceRequest request);

    @PutExchange("/instances/{instanceId}/heartbeat")
    HeartbeatResponse heartbeat(@PathVariable String instanceId, @RequestBody HeartbeatRequest request);

    @DeleteExchange("/instances/{instanceId}")
    void deregister(@PathVariable String instanceId);

    @GetExchange("/instances")
    List<ServiceInstance> allInstances();

    @GetExchange("/services")
    List<ServiceSummary> services();

    @GetExchange("/services/{serviceName}/instances")
    List<ServiceInstance> upInstances(@PathVariable String serviceName);

    @GetExchange("/prometheus-sd")
    List<PrometheusTargetGroup> prometheusTargets();
}
