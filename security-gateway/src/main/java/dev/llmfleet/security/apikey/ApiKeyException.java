package dev.llmfleet.security.apikey;

import dev.llmfleet.api.error.FleetException;
import java.util.UUID;

/** An API key that does not exist, is already revoked, or is asked for with an expiry in the past. */
public class ApiKeyException extends FleetException {

    private ApiKeyException(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    static ApiKeyException notFound(UUID id) {
        return new ApiKeyException(Kind.NOT_FOUND, "api-key-not-found", "No API key " + id);
    }

    static ApiKeyException alreadyRevoked(UUID id) {
        return new ApiKeyException(Kind.CONFLICT, "api-key-revoked", "API key " + id + " is already revoked");
    }

    static ApiKeyException expiryInPast() {
        return new ApiKeyException(Kind.INVALID, "api-key-expiry-in-past", "expiresAt must be in the future");
    }
}
