package dev.llmfleet.api.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * Registers a client (a person using the CLI, a script or a service) that gets tokens with the
 * client-credentials grant.
 *
 * @param clientId lower-case letters, digits, dots and dashes
 * @param scopes a subset of {@link FleetScopes#ALL}
 */
public record CreateClientRequest(
        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "[a-z0-9][a-z0-9.-]*", message = "must be lower-case letters, digits, dots and dashes")
        String clientId,

        @NotEmpty Set<@NotBlank String> scopes) {}
