package dev.llmfleet.orchestrator.deployment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One inference host a deployment covers, and how far it got there. */
@Embeddable
class DeploymentTarget {

    @Column(name = "instance_id", nullable = false)
    private String instanceId;

    @Column(nullable = false)
    private String host;

    @Column(nullable = false)
    private String url;

    @Column(nullable = false)
    private boolean loaded;

    @Column(nullable = false)
    private boolean verified;

    protected DeploymentTarget() {}

    DeploymentTarget(InferenceHost host) {
        this.instanceId = host.instanceId();
        this.host = host.host();
        this.url = host.url().toString();
    }

    InferenceHost toHost() {
        return InferenceHost.of(instanceId, host, url);
    }

    String instanceId() {
        return instanceId;
    }

    boolean loaded() {
        return loaded;
    }

    boolean verified() {
        return verified;
    }

    void markLoaded() {
        loaded = true;
    }

    void markVerified() {
        if (!loaded) {
            throw new IllegalStateException(instanceId + " cannot be verified before it loaded the version");
        }
        verified = true;
    }
}
