package dev.llmfleet.api.trainer;

import dev.llmfleet.api.scheduler.JobPriority;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The trainer-service of a training host: datasets in, graceful control of the run, evolution
 * snapshots. Files can also be uploaded as multipart ({@code POST /api/trainer/uploads}, part
 * {@code file}).
 */
@HttpExchange("/api/trainer")
public interface TrainerClient {

    /** Takes the request body as one JSON Lines file named {@code name}. */
    @PostExchange(url = "/uploads/stream", contentType = "application/octet-stream")
    IntakeResult upload(
            @RequestParam String name,
            @RequestParam(required = false) JobPriority priority,
            @RequestBody byte[] content);

    @GetExchange("/datasets")
    List<DatasetView> datasets();

    @GetExchange("/datasets/{sha256}")
    DatasetView dataset(@PathVariable String sha256);

    @GetExchange("/rejected")
    List<ValidationReport> rejected();

    @GetExchange("/status")
    TrainerStatus status();

    /** Pause, resume, stop or skip; answers the state right after the request was taken. */
    @PostExchange("/control/{action}")
    TrainerStatus control(@PathVariable ControlAction action);

    /** The checkpoints a training job wrote, oldest first. */
    @GetExchange("/runs/{jobId}/checkpoints")
    List<CheckpointInfo> checkpoints(@PathVariable UUID jobId);

    @GetExchange("/snapshots")
    List<SnapshotDataset> snapshotDatasets();

    @GetExchange("/snapshots/{dataset}")
    List<SnapshotInfo> snapshots(@PathVariable String dataset);

    @GetExchange("/snapshots/{dataset}/{step}")
    EvolutionSnapshot snapshot(@PathVariable String dataset, @PathVariable long step);

    @GetExchange("/snapshots/{dataset}/summary")
    EvolutionSummary summary(@PathVariable String dataset);
}
