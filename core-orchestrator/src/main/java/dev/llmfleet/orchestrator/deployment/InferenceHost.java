package dev.llmfleet.orchestrator.deployment;

import dev.llmfleet.api.registry.ServiceInstance;
import java.net.URI;

/** One inference-service instance, addressed directly rather than through the registry's round-robin. */
public record InferenceHost(String instanceId, String host, URI url) {

    /** The registry's name of the inference hosts' service. */
    public static final String SERVICE = "inference-service";

    public static InferenceHost of(ServiceInstance instance) {
        return new InferenceHost(instance.instanceId(), instance.host(), instance.baseUri());
    }

    static InferenceHost of(String instanceId, String host, String url) {
        return new InferenceHost(instanceId, host, URI.create(url));
    }
}
