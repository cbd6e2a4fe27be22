package dev.llmfleet.security.client;

import dev.llmfleet.api.error.FleetException;

/** No client with that id. */
public class ClientNotFoundException extends FleetException {

    private ClientNotFoundException(String message) {
        super(Kind.NOT_FOUND, "client-not-found", message);
    }

    public static ClientNotFoundException forId(String clientId) {
        return new ClientNotFoundException("No client '" + clientId + "'");
    }
}
