package dev.llmfleet.trainer.dataset;

import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.trainer.DatasetStatus;
import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.api.trainer.RunSettings;
import dev.llmfleet.api.trainer.ValidationReport;
import dev.llmfleet.trainer.storage.AtomicFiles;
import dev.llmfleet.trainer.storage.TrainerPaths;
import dev.llmfleet.trainer.validation.DatasetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepted datasets: the file under {@code datasets/<sha256>.jsonl} and its row, and the moves a
 * dataset makes as its job is queued, trained, paused, skipped, completed or failed.
 */
@Service
public class DatasetService {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final DatasetRepository datasets;
    private final TrainerPaths paths;
    private final JsonMapper json;
    private final Clock clock;

    DatasetService(DatasetRepository datasets, TrainerPaths paths, JsonMapper json, Clock clock) {
        this.datasets = datasets;
        this.paths = paths;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<DatasetView> find(String sha256) {
        return datasets.findById(sha256).map(Dataset::toView);
    }

    @Transactional(readOnly = true)
    public DatasetView get(String sha256) {
        return find(sha256).orElseThrow(() -> DatasetNotFoundException.forSha(sha256));
    }

    @Transactional(readOnly = true)
    public DatasetView forJob(UUID jobId) {
        return datasets.findByJobId(jobId)
                .map(Dataset::toView)
                .orElseThrow(() -> DatasetNotFoundException.forJob(jobId));
    }

    /** Whether a dataset was queued as this job. */
    @Transactional(readOnly = true)
    public boolean hasJob(UUID jobId) {
        return datasets.findByJobId(jobId).isPresent();
    }

    @Transactional(readOnly = true)
    public List<DatasetView> list() {
        return datasets.findAllByOrderByReceivedAtAsc().stream()
                .map(Dataset::toView)
                .toList();
    }

    @Transactional(readOnly = true)
    public ValidationReport report(String sha256) {
        Dataset dataset = datasets.findById(sha256).orElseThrow(() -> DatasetNotFoundException.forSha(sha256));
        return json.readValue(dataset.report(), ValidationReport.class);
    }

    /** Datasets whose job could not be submitted yet. */
    @Transactional(readOnly = true)
    public List<DatasetView> awaitingSubmission() {
        return datasets.findByStatusAndJobIdIsNullOrderByReceivedAtAsc(DatasetStatus.ACCEPTED).stream()
                .map(Dataset::toView)
                .toList();
    }

    /**
     * Moves the validated file from staging to {@code datasets/<sha256>.jsonl} (atomically; the
     * file first, so a row never names a missing file) and records it.
     */
    @Transactional
    public DatasetView store(
            Path staged,
            ValidationReport report,
            DatasetSpec spec,
            JobPriority priority,
            String source,
            RunSettings run)
            throws IOException {
        AtomicFiles.force(staged);
        AtomicFiles.move(staged, file(report.sha256()));
        Dataset dataset = new Dataset(
                new Dataset.NewDataset(
                        report.sha256(),
                        report.fileName(),
                        spec.name(),
                        spec.skill(),
                        priority,
                        report.lines(),
                        report.examples(),
                        report.tokens(),
                        source,
                        run),
                json.writeValueAsString(report),
                clock.instant());
        return datasets.save(dataset).toView();
    }

    /** Where a dataset's content lies. */
    public Path file(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw DatasetNotFoundException.forSha(sha256);
        }
        return paths.datasets().resolve(sha256 + ".jsonl");
    }

    public boolean hasFile(String sha256) {
        return Files.isRegularFile(file(sha256));
    }

    @Transactional
    public DatasetView queued(String sha256, UUID jobId, long requiredVramMb) {
        Dataset dataset = load(sha256);
        dataset.queued(jobId, requiredVramMb, clock.instant());
        return dataset.toView();
    }

    @Transactional
    public DatasetView moveTo(String sha256, DatasetStatus status, String reason) {
        Dataset dataset = load(sha256);
        dataset.moveTo(status, reason, clock.instant());
        return dataset.toView();
    }

    @Transactional
    public DatasetView skipped(String sha256, String reason) {
        Dataset dataset = load(sha256);
        dataset.skipped(reason, clock.instant());
        return dataset.toView();
    }

    private Dataset load(String sha256) {
        return datasets.findById(sha256).orElseThrow(() -> DatasetNotFoundException.forSha(sha256));
    }
}
