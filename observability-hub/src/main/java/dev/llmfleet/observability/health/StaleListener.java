package dev.llmfleet.observability.health;

import dev.llmfleet.api.observability.InstanceHealth;

/** Told when an instance turns stale and when it comes back. */
public interface StaleListener {

    void becameStale(InstanceHealth health);

    void recovered(InstanceHealth health);
}
