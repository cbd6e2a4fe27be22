package dev.llmfleet.orchestrator.registry;

import dev.llmfleet.api.error.FleetException;

/** A heartbeat or deregistration for an instance the registry does not know (never registered, or evicted). */
public class InstanceNotFoundException extends FleetException {

    private InstanceNotFoundException(String message) {
        super(Kind.NOT_FOUND, "instance-not-found", message);
    }

    public static InstanceNotFoundException forId(String instanceId) {
        return new InstanceNotFoundException("No registered instance '" + instanceId + "'; register it first");
    }
}
