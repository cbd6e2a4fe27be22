package dev.llmfleet.observability.evolution;

import dev.llmfleet.api.trainer.EvolutionSnapshot;
import dev.llmfleet.api.trainer.EvolutionSummary;
import dev.llmfleet.api.trainer.SnapshotDataset;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.starter.registry.FleetHttpClients;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The evolution viewer's data, read from the trainer through the registry: the dashboard only knows the hub. */
@RestController
@RequestMapping("/api/observability/evolution")
class EvolutionController {

    private final TrainerClient trainer;

    EvolutionController(FleetHttpClients clients) {
        this.trainer = clients.client("trainer-service", TrainerClient.class);
    }

    @GetMapping
    List<SnapshotDataset> datasets() {
        return trainer.snapshotDatasets();
    }

    @GetMapping("/{dataset}")
    EvolutionSummary summary(@PathVariable String dataset) {
        return trainer.summary(dataset);
    }

    @GetMapping("/{dataset}/{step}")
    EvolutionSnapshot snapshot(@PathVariable String dataset, @PathVariable long step) {
        return trainer.snapshot(dataset, step);
    }
}
