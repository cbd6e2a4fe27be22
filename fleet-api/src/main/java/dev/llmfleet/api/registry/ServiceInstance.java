package dev.llmfleet.api.registry;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One registered instance of a fleet service, as the registry sees it.
 *
 * @param workersDown what its last heartbeat said of its loops restarting after a crash
 */
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
        Instant lastHeartbeat,
        List<String> workersDown) {

    public ServiceInstance {
        workersDown = workersDown == null ? List.of() : List.copyOf(workersDown);
    }

    /** The base URI of the instance, e.g. {@code http://10.0.0.5:7003}. */
    public URI baseUri() {
        return URI.create(scheme + "://" + host + ":" + port);
    }
}
