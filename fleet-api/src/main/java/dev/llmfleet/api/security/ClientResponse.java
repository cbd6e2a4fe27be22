package dev.llmfleet.api.security;

import java.time.Instant;
import java.util.Set;

/** A registered client as an admin sees it; never its secret. */
public record ClientResponse(
        String clientId, Set<String> scopes, boolean enabled, int trustScore, boolean trusted, Instant createdAt) {}
