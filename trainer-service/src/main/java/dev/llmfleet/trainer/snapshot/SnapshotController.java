package dev.llmfleet.trainer.snapshot;

import dev.llmfleet.api.trainer.EvolutionSnapshot;
import dev.llmfleet.api.trainer.EvolutionSummary;
import dev.llmfleet.api.trainer.SnapshotDataset;
import dev.llmfleet.api.trainer.SnapshotInfo;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/trainer/snapshots")
class SnapshotController {

    private final SnapshotService snapshots;

    SnapshotController(SnapshotService snapshots) {
        this.snapshots = snapshots;
    }

    @GetMapping
    List<SnapshotDataset> datasets() {
        return snapshots.datasets();
    }

    @GetMapping("/{dataset}")
    List<SnapshotInfo> list(@PathVariable String dataset) {
        return snapshots.list(dataset);
    }

    @GetMapping("/{dataset}/summary")
    EvolutionSummary summary(@PathVariable String dataset) {
        return snapshots.summary(dataset);
    }

    @GetMapping("/{dataset}/{step}")
    EvolutionSnapshot get(@PathVariable String dataset, @PathVariable long step) {
        return snapshots.get(dataset, step);
    }
}
