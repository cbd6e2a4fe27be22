package dev.llmfleet.api.registry;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** One registered instance of a fleet service, as the registry sees it. */
public record ServiceInstance(
        String serviceName,
        String instanceId,
        String host,
        int port,
        String scheme,
        String hostRole,
        Map<String, String> metadata,
        InstanceStatus status,
        Instant registeredAt,
        Instant lastHeartbeat) {

    /** The base URI of the instance, e.g. {@code http://10.0.0.5:7003}. */
    public URI baseUri() {
        return URI.create(scheme + "://" + host + ":" + port);
    }
}
