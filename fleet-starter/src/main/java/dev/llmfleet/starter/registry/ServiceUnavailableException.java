package dev.llmfleet.starter.registry;

import dev.llmfleet.api.error.FleetException;

/** No instance of a service can be reached right now (none registered, or its circuit is open). */
public class ServiceUnavailableException extends FleetException {

    private final boolean noneRegistered;

    private ServiceUnavailableException(String message, Throwable cause, boolean noneRegistered) {
        super(Kind.UNAVAILABLE, "service-unavailable", message, cause);
        this.noneRegistered = noneRegistered;
    }

    public static ServiceUnavailableException noInstance(String serviceName) {
        return new ServiceUnavailableException("No instance of '" + serviceName + "' is up", null, true);
    }

    public static ServiceUnavailableException unreachable(String serviceName, Throwable cause) {
        return new ServiceUnavailableException(
                "Service '" + serviceName + "' cannot be reached: " + cause.getMessage(), cause, false);
    }

    /**
     * True when the registry knows no UP instance: nothing was sent, so no instance misbehaved and
     * no circuit breaker should count it (a fleet that is still starting would otherwise open
     * breakers on services that are about to register).
     */
    public boolean noneRegistered() {
        return noneRegistered;
    }
}
