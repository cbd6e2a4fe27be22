package dev.llmfleet.starter.registry;

import dev.llmfleet.api.error.FleetException;

/** No instance of a service can be reached right now (none registered, or its circuit is open). */
public class ServiceUnavailableException extends FleetException {

    private ServiceUnavailableException(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, "service-unavailable", message, cause);
    }

    public static ServiceUnavailableException noInstance(String serviceName) {
        return new ServiceUnavailableException("No instance of '" + serviceName + "' is up", null);
    }

    public static ServiceUnavailableException unreachable(String serviceName, Throwable cause) {
        return new ServiceUnavailableException(
                "Service '" + serviceName + "' cannot be reached: " + cause.getMessage(), cause);
    }
}
