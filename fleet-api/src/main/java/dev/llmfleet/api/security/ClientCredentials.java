package dev.llmfleet.api.security;

/** A client's id and secret, returned once when the client is created or its secret rotated. */
public record ClientCredentials(String clientId, String clientSecret) {}
