package dev.llmfleet.orchestrator.twin;

import dev.llmfleet.api.orchestrator.Drift;
import dev.llmfleet.api.orchestrator.FleetTwin;
import dev.llmfleet.api.orchestrator.TwinHost;
import dev.llmfleet.api.orchestrator.TwinModels;
import dev.llmfleet.api.orchestrator.TwinService;
import dev.llmfleet.api.scheduler.DeviceStatus;
import dev.llmfleet.api.scheduler.QueueStatus;
import dev.llmfleet.api.trainer.TrainerStatus;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orchestrator/twin")
class TwinController {

    private final FleetTwinService twin;

    TwinController(FleetTwinService twin) {
        this.twin = twin;
    }

    @GetMapping
    FleetTwin twin() {
        return twin.current();
    }

    @GetMapping("/hosts")
    List<TwinHost> hosts() {
        return twin.current().hosts();
    }

    /** Stops expecting a decommissioned host, so that it no longer shows as HOST_MISSING. */
    @DeleteMapping("/hosts/{host}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void forget(@PathVariable String host) {
        twin.forgetHost(host);
    }

    @GetMapping("/services")
    List<TwinService> services() {
        return twin.current().services();
    }

    @GetMapping("/gpus")
    List<DeviceStatus> gpus() {
        return available("gpus").gpus();
    }

    @GetMapping("/queue")
    QueueStatus queue() {
        return available("queue").queue();
    }

    @GetMapping("/run")
    TrainerStatus run() {
        return available("run").run();
    }

    @GetMapping("/models")
    TwinModels models() {
        return twin.current().models();
    }

    @GetMapping("/drift")
    List<Drift> drift() {
        return twin.current().drift();
    }

    private FleetTwin available(String part) {
        FleetTwin current = twin.current();
        if (current.unavailable().contains(part)) {
            throw TwinPartUnavailableException.part(part);
        }
        return current;
    }
}
