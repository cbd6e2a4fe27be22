package dev.llmfleet.api.security;

import java.util.List;

/** The scopes a fleet token or API key can carry. */
public final class FleetScopes {

    /** Read endpoints of every service. */
    public static final String READ = "fleet:read";
    /** Endpoints that change something. */
    public static final String OPERATE = "fleet:operate";
    /** Admin endpoints (clients, keys, trust, rotation). */
    public static final String ADMIN = "fleet:admin";
    /** The inference API. */
    public static final String INFERENCE = "inference:use";

    /** Every scope, in a stable order. */
    public static final List<String> ALL = List.of(READ, OPERATE, ADMIN, INFERENCE);

    private FleetScopes() {}
}
