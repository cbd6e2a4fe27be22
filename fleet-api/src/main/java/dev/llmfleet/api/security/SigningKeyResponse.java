package dev.llmfleet.api.security;

import java.time.Instant;

/**
 * A token-signing key's public facts.
 *
 * @param signsFrom when it starts signing (it is in the JWKS from {@code createdAt})
 * @param retiredAt when it stopped signing; null while it still signs or is about to
 * @param removeAfter when it leaves the JWKS: once every token it signed has expired
 */
public record SigningKeyResponse(
        String kid, String algorithm, Instant createdAt, Instant signsFrom, Instant retiredAt, Instant removeAfter) {}
