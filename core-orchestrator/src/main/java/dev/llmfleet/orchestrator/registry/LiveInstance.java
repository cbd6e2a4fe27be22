package dev.llmfleet.orchestrator.registry;

import dev.llmfleet.api.registry.InstanceStatus;
import dev.llmfleet.api.registry.RegisterInstanceRequest;
import dev.llmfleet.api.registry.ServiceInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An instance as the registry keeps it in memory: look-ups and heartbeats never touch the
 * database. Its status moves UP → DOWN when it falls silent and back to UP on a heartbeat.
 */
final class LiveInstance {

    private final String instanceId;
    private final String serviceName;
    private final String host;
    private final int port;
    private final String scheme;
    private final String hostRole;
    private final Map<String, String> metadata;
    private final Instant registeredAt;
    private volatile Instant lastHeartbeat;
    private volatile InstanceStatus status;
    private volatile Instant downSince;
    private volatile boolean heartbeatUnsaved;
    private volatile List<String> workersDown = List.of();

    LiveInstance(
            String instanceId,
            String serviceName,
            String host,
            int port,
            String scheme,
            String hostRole,
            Map<String, String> metadata,
            Instant registeredAt,
            Instant lastHeartbeat,
            InstanceStatus status,
            Instant downSince) {
        this.instanceId = instanceId;
        this.serviceName = serviceName;
        this.host = host;
        this.port = port;
        this.scheme = scheme;
        this.hostRole = hostRole;
        this.metadata = Map.copyOf(metadata);
        this.registeredAt = registeredAt;
        this.lastHeartbeat = lastHeartbeat;
        this.status = status;
        this.downSince = downSince;
    }

    static LiveInstance registered(RegisterInstanceRequest request, Instant now) {
        return new LiveInstance(
                request.instanceId(),
                request.serviceName(),
                request.host(),
                request.port(),
                request.scheme(),
                request.hostRole(),
                request.metadata(),
                now,
                now,
                InstanceStatus.UP,
                null);
    }

    /**
     * Records a heartbeat and what it said of the instance's loops (kept in memory only: the next
     * heartbeat says it again within seconds of a registry restart); returns true when this
     * brought a DOWN instance back UP.
     */
    boolean heartbeat(Instant now, List<String> workersDown) {
        this.workersDown = List.copyOf(workersDown);
        lastHeartbeat = now;
        heartbeatUnsaved = true;
        if (status == InstanceStatus.DOWN) {
            status = InstanceStatus.UP;
            downSince = null;
            return true;
        }
        return false;
    }

    boolean isSilentFor(Duration ttl, Instant now) {
        return status == InstanceStatus.UP && lastHeartbeat.plus(ttl).isBefore(now);
    }

    void markDown(Instant now) {
        if (status != InstanceStatus.UP) {
            throw new IllegalStateException("Instance " + instanceId + " is already " + status);
        }
        status = InstanceStatus.DOWN;
        downSince = now;
    }

    boolean isEvictable(Duration evictAfter, Instant now) {
        return status == InstanceStatus.DOWN && downSince.plus(evictAfter).isBefore(now);
    }

    /** Takes the unsaved-heartbeat mark, so that the next flush writes this instance's time once. */
    boolean takeUnsavedHeartbeat() {
        boolean unsaved = heartbeatUnsaved;
        heartbeatUnsaved = false;
        return unsaved;
    }

    ServiceInstance toApi() {
        return new ServiceInstance(
                serviceName,
                instanceId,
                host,
                port,
                scheme,
                hostRole,
                metadata,
                status,
                registeredAt,
                lastHeartbeat,
                workersDown);
    }

    String instanceId() {
        return instanceId;
    }

    String serviceName() {
        return serviceName;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String scheme() {
        return scheme;
    }

    String hostRole() {
        return hostRole;
    }

    Map<String, String> metadata() {
        return metadata;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    Instant lastHeartbeat() {
        return lastHeartbeat;
    }

    InstanceStatus status() {
        return status;
    }

    Instant downSince() {
        return downSince;
    }
}
