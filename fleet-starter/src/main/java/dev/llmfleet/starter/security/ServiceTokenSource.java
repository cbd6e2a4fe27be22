package dev.llmfleet.starter.security;

import java.util.Optional;

/** The bearer token this service sends when it calls another fleet service. */
@FunctionalInterface
public interface ServiceTokenSource {

    /** A valid access token, or empty when none can be had now (no credentials, gateway down). */
    Optional<String> token();
}
