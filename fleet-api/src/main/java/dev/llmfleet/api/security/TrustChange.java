package dev.llmfleet.api.security;

import java.time.Instant;

/** One change of a client's trust score and why it happened. */
public record TrustChange(Instant at, int delta, int scoreAfter, String reason, String detail) {}
