package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.trainer.CheckpointInfo;
import dev.llmfleet.api.trainer.ControlAction;
import dev.llmfleet.api.trainer.DatasetStatus;
import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.api.trainer.EvolutionSnapshot;
import dev.llmfleet.api.trainer.EvolutionSummary;
import dev.llmfleet.api.trainer.IntakeOutcome;
import dev.llmfleet.api.trainer.IntakeResult;
import dev.llmfleet.api.trainer.SnapshotDataset;
import dev.llmfleet.api.trainer.SnapshotInfo;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.api.trainer.TrainerStatus;
import dev.llmfleet.api.trainer.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * The training host as the pipeline sees it: an upload is stored by SHA-256 and queued as a
 * TRAINING job on the fake scheduler, as the real trainer does; a job's checkpoints are what a test
 * says it wrote. Can be taken down.
 */
class FakeTrainer implements TrainerClient {

    static final String HOST = "trainer-1";

    private final FakeScheduler scheduler;
    private final Map<String, DatasetView> datasets = new LinkedHashMap<>();
    private final Map<UUID, List<CheckpointInfo>> checkpoints = new LinkedHashMap<>();
    final List<String> uploads = new ArrayList<>();
    volatile boolean down;

    FakeTrainer(FakeScheduler scheduler) {
        this.scheduler = scheduler;
    }

    synchronized void reset() {
        datasets.clear();
        checkpoints.clear();
        uploads.clear();
        down = false;
    }

    /** The job wrote these checkpoints: every one complete, each with its training loss. */
    synchronized void wrote(UUID jobId, long step, double trainLoss) {
        checkpoints
                .computeIfAbsent(jobId, id -> new ArrayList<>())
                .add(new CheckpointInfo(
                        "runs/" + jobId + "/checkpoints/step-%08d".formatted(step),
                        step,
                        trainLoss,
                        null,
                        true,
                        Instant.parse("2026-03-01T00:00:00Z")));
    }

    /** A dataset people uploaded, queued as a job. */
    synchronized JobResponse uploadedByPeople(String name, String skill) {
        String sha = sha256(name.getBytes(StandardCharsets.UTF_8));
        JobResponse job = scheduler.add(JobKind.TRAINING, "sha256:" + sha, HOST);
        datasets.put(sha, dataset(sha, name, skill, job.id()));
        return job;
    }

    @Override
    public synchronized IntakeResult upload(String name, JobPriority priority, byte[] content) {
        reachable();
        uploads.add(name);
        String sha = sha256(content);
        DatasetView known = datasets.get(sha);
        if (known != null) {
            return new IntakeResult(IntakeOutcome.DUPLICATE, known, null);
        }
        JobResponse job = scheduler.add(JobKind.TRAINING, "sha256:" + sha, HOST);
        DatasetView dataset = dataset(sha, name, "arithmetic", job.id());
        datasets.put(sha, dataset);
        return new IntakeResult(IntakeOutcome.ACCEPTED, dataset, null);
    }

    @Override
    public synchronized DatasetView dataset(String sha256) {
        reachable();
        DatasetView dataset = datasets.get(sha256);
        if (dataset == null) {
            throw HttpClientErrorException.create(HttpStatus.NOT_FOUND, "Not Found", null, null, null);
        }
        return dataset;
    }

    @Override
    public synchronized List<CheckpointInfo> checkpoints(UUID jobId) {
        reachable();
        return List.copyOf(checkpoints.getOrDefault(jobId, List.of()));
    }

    private void reachable() {
        if (down) {
            throw new ResourceAccessException("Connection refused: trainer-service");
        }
    }

    private static DatasetView dataset(String sha, String name, String skill, UUID jobId) {
        Instant at = Instant.parse("2026-03-01T00:00:00Z");
        return new DatasetView(
                sha,
                name,
                "chat_sft_v1",
                skill,
                JobPriority.NORMAL,
                DatasetStatus.QUEUED,
                400,
                400,
                4000,
                "upload",
                jobId,
                512L,
                null,
                at,
                at,
                null);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<DatasetView> datasets() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ValidationReport> rejected() {
        throw new UnsupportedOperationException();
    }

    @Override
    public TrainerStatus status() {
        throw new UnsupportedOperationException();
    }

    @Override
    public TrainerStatus control(ControlAction action) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<SnapshotDataset> snapshotDatasets() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<SnapshotInfo> snapshots(String dataset) {
        throw new UnsupportedOperationException();
    }

    @Override
    public EvolutionSnapshot snapshot(String dataset, long step) {
        throw new UnsupportedOperationException();
    }

    @Override
    public EvolutionSummary summary(String dataset) {
        throw new UnsupportedOperationException();
    }
}
