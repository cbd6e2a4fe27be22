package dev.llmfleet.api.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/**
 * Creates an API key for OpenAI-style clients.
 *
 * @param name what the key is for, shown in listings
 * @param clientId the client the key acts for (its trust score applies); the caller when absent
 * @param scopes a subset of {@link FleetScopes#ALL} and of the owning client's scopes
 * @param expiresAt when the key stops working; never when absent
 */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 100) String clientId,
        @NotEmpty Set<@NotBlank String> scopes,
        Instant expiresAt) {}
