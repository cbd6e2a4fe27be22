package dev.llmfleet.api.registry;

import java.util.List;

/**
 * What an instance says of itself with a heartbeat.
 *
 * @param workersDown its long-lived loops that are restarting after a crash (the service is not
 *     ready while any is); empty when all run
 */
public record HeartbeatRequest(List<String> workersDown) {

    public HeartbeatRequest {
        workersDown = workersDown == null ? List.of() : List.copyOf(workersDown);
    }
}
