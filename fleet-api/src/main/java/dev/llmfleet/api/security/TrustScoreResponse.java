package dev.llmfleet.api.security;

import java.util.List;

/** A client's trust score, whether it is above the threshold, and its most recent changes. */
public record TrustScoreResponse(
        String clientId, int score, int threshold, boolean trusted, List<TrustChange> history) {}
