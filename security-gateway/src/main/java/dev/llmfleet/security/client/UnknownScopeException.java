package dev.llmfleet.security.client;

import dev.llmfleet.api.error.FleetException;
import dev.llmfleet.api.security.FleetScopes;
import java.util.Set;

/** A scope that the fleet does not know, or that the owner of an API key does not hold. */
public class UnknownScopeException extends FleetException {

    private UnknownScopeException(String message) {
        super(Kind.INVALID, "invalid-scope", message);
    }

    public static UnknownScopeException of(Set<String> scopes) {
        return new UnknownScopeException("Unknown scope(s) " + scopes + "; known: " + FleetScopes.ALL);
    }

    public static UnknownScopeException notHeldBy(String clientId, Set<String> scopes) {
        return new UnknownScopeException("Client '" + clientId + "' does not hold scope(s) " + scopes);
    }
}
