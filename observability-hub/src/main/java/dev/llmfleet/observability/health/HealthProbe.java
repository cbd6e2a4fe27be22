package dev.llmfleet.observability.health;

import java.net.URI;

/** Reads the health status of the instance at a base URI: {@code UP}, {@code DOWN}, ... or {@code UNREACHABLE}. */
public interface HealthProbe {

    String status(URI baseUri);
}
