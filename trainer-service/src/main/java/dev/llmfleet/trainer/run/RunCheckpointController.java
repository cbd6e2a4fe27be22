package dev.llmfleet.trainer.run;

import dev.llmfleet.api.trainer.CheckpointInfo;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/trainer/runs/{jobId}/checkpoints}: a job's checkpoints, oldest first. */
@RestController
@RequestMapping("/api/trainer/runs")
class RunCheckpointController {

    private final RunCheckpoints checkpoints;

    RunCheckpointController(RunCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @GetMapping("/{jobId}/checkpoints")
    List<CheckpointInfo> checkpoints(@PathVariable UUID jobId) {
        return checkpoints.list(jobId);
    }
}
