package dev.llmfleet.api.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API key as listings show it: its prefix, never its value. */
public record ApiKeyResponse(
        UUID id,
        String name,
        String prefix,
        String clientId,
        Set<String> scopes,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {}
