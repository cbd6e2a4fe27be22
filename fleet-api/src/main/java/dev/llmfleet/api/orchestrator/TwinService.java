package dev.llmfleet.api.orchestrator;

import dev.llmfleet.api.registry.InstanceStatus;
import java.time.Instant;
import java.util.List;

/**
 * One running (or lost) service instance, as the twin sees it.
 *
 * @param workersDown its loops restarting after a crash, as its last heartbeat said: the instance
 *     is up but not ready while this is not empty
 */
public record TwinService(
        String name,
        String instanceId,
        String host,
        String url,
        InstanceStatus status,
        Instant lastHeartbeat,
        List<String> workersDown) {

    public TwinService {
        workersDown = workersDown == null ? List.of() : List.copyOf(workersDown);
    }
}
