package dev.llmfleet.security.client;

import dev.llmfleet.api.error.FleetException;

/** A client change that its current state does not allow, or a client that already exists. */
public class ClientStateException extends FleetException {

    private ClientStateException(String code, String message) {
        super(Kind.CONFLICT, code, message);
    }

    static ClientStateException alreadyDisabled(String clientId) {
        return new ClientStateException("client-already-disabled", "Client '" + clientId + "' is already disabled");
    }

    static ClientStateException alreadyEnabled(String clientId) {
        return new ClientStateException("client-already-enabled", "Client '" + clientId + "' is already enabled");
    }

    static ClientStateException alreadyExists(String clientId) {
        return new ClientStateException("client-exists", "Client '" + clientId + "' already exists");
    }
}
