package dev.llmfleet.orchestrator.registry;

import dev.llmfleet.api.registry.InstanceStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;

/** The stored form of a registration, so that a restarted registry loses nobody. */
@Entity
@Table(name = "service_instance")
class RegisteredInstance {

    @Id
    @Column(name = "instance_id")
    private String instanceId;

    @Column(name = "service_name", nullable = false)
    private String serviceName;

    @Column(nullable = false)
    private String host;

    @Column(nullable = false)
    private int port;

    @Column(nullable = false)
    private String scheme;

    @Column(name = "host_role", nullable = false)
    private String hostRole;

    @Convert(converter = MetadataConverter.class)
    @Column(nullable = false)
    private Map<String, String> metadata;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InstanceStatus status;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "last_heartbeat", nullable = false)
    private Instant lastHeartbeat;

    @Column(name = "down_since")
    private Instant downSince;

    protected RegisteredInstance() {}

    RegisteredInstance(LiveInstance live) {
        this.instanceId = live.instanceId();
        copyFrom(live);
    }

    void copyFrom(LiveInstance live) {
        this.serviceName = live.serviceName();
        this.host = live.host();
        this.port = live.port();
        this.scheme = live.scheme();
        this.hostRole = live.hostRole();
        this.metadata = live.metadata();
        this.status = live.status();
        this.registeredAt = live.registeredAt();
        this.lastHeartbeat = live.lastHeartbeat();
        this.downSince = live.downSince();
    }

    LiveInstance toLive() {
        return new LiveInstance(
                instanceId,
                serviceName,
                host,
                port,
                scheme,
                hostRole,
                metadata,
                registeredAt,
                lastHeartbeat,
                status,
                downSince);
    }
}
