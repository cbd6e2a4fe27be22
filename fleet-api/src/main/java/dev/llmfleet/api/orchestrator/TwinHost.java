package dev.llmfleet.api.orchestrator;

import java.util.List;

/**
 * A machine of the fleet.
 *
 * @param roles what it is for: {@code core}, {@code training}, {@code inference}
 * @param present whether any of its services is UP
 * @param expected whether the fleet expects it (it was seen before, or is configured)
 */
public record TwinHost(String host, List<String> roles, boolean present, boolean expected, List<String> services) {

    public TwinHost {
        roles = roles == null ? List.of() : List.copyOf(roles);
        services = services == null ? List.of() : List.copyOf(services);
    }
}
