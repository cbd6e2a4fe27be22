package dev.llmfleet.api.security;

/** A new API key: the only time its full value is shown. */
public record CreatedApiKey(String key, ApiKeyResponse details) {}
