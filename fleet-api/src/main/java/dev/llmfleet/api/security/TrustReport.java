package dev.llmfleet.api.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Misbehaviour of a client seen by another service (a request refused for scope, an error reported
 * against it on the error bus); it lowers the client's trust score.
 */
public record TrustReport(
        @NotBlank @Size(max = 100) String clientId,
        @NotNull Kind kind,
        @Size(max = 500) String detail) {

    /** What the client did. */
    public enum Kind {
        SCOPE_REFUSED,
        ERROR_REPORTED
    }
}
