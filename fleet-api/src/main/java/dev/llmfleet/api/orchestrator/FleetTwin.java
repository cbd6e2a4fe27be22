package dev.llmfleet.api.orchestrator;

import dev.llmfleet.api.scheduler.DeviceStatus;
import dev.llmfleet.api.scheduler.QueueStatus;
import dev.llmfleet.api.trainer.TrainerStatus;
import java.time.Instant;
import java.util.List;

/**
 * The digital twin: the fleet as the orchestrator knows it, desired against actual. A part that
 * could not be read (its service down) is null and named in {@code unavailable}.
 */
public record FleetTwin(
        Instant observedAt,
        List<TwinHost> hosts,
        List<TwinService> services,
        List<DeviceStatus> gpus,
        QueueStatus queue,
        TrainerStatus run,
        TwinModels models,
        List<Drift> drift,
        List<String> unavailable) {

    public FleetTwin {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        services = services == null ? List.of() : List.copyOf(services);
        gpus = gpus == null ? List.of() : List.copyOf(gpus);
        drift = drift == null ? List.of() : List.copyOf(drift);
        unavailable = unavailable == null ? List.of() : List.copyOf(unavailable);
    }
}
