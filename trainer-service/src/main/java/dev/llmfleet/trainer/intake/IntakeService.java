package dev.llmfleet.trainer.intake;

import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.api.trainer.IntakeOutcome;
import dev.llmfleet.api.trainer.IntakeResult;
import dev.llmfleet.api.trainer.ValidationIssue;
import dev.llmfleet.api.trainer.ValidationLevel;
import dev.llmfleet.api.trainer.ValidationReport;
import dev.llmfleet.trainer.dataset.DatasetService;
import dev.llmfleet.trainer.queue.TrainingJobs;
import dev.llmfleet.trainer.storage.FileNames;
import dev.llmfleet.trainer.validation.DatasetSpecRegistry;
import dev.llmfleet.trainer.validation.DatasetValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;

/**
 * Where every file comes in, from the inbox or an upload: copied to {@code staging/} and hashed,
 * then known (a duplicate), rejected (to {@code rejected/} with its report) or stored as a
 * dataset and queued. One file at a time, so two copies of the same content make one dataset.
 */
@Service
public class IntakeService {

    private static final Log log = LogFactory.getLog(IntakeService.class);

    private final DatasetValidator validator;
    private final DatasetSpecRegistry specs;
    private final DatasetService datasets;
    private final TrainingJobs jobs;
    private final RejectedArea rejected;
    private final IntakeSupport support;

    IntakeService(
            DatasetValidator validator,
            DatasetSpecRegistry specs,
            DatasetService datasets,
            TrainingJobs jobs,
            RejectedArea rejected,
            IntakeSupport support) {
        this.validator = validator;
        this.specs = specs;
        this.datasets = datasets;
        this.jobs = jobs;
        this.rejected = rejected;
        this.support = support;
    }

    /** Takes a file that is complete on disk (from the inbox); it leaves its folder. */
    public synchronized IntakeResult takeFile(Path file, String name, JobPriority priority, String source)
            throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            IntakeResult result = take(in, name, priority, source, false);
            Files.deleteIfExists(file);
            return result;
        }
    }

    /** Takes an uploaded stream; a stream over the size limit is refused and nothing is kept. */
    public synchronized IntakeResult takeUpload(InputStream in, String name, JobPriority priority) throws IOException {
        IntakeResult result = take(in, name, priority, "upload", true);
        if (result.outcome() == IntakeOutcome.REJECTED) {
            throw DatasetRejectedException.of(result.report(), result.report().fileName());
        }
        return result;
    }

    public List<ValidationReport> rejectedReports() throws IOException {
        return rejected.list();
    }

    private IntakeResult take(
            InputStream in, String originalName, JobPriority priority, String source, boolean refuseLarge)
            throws IOException {
        String name = FileNames.sanitise(originalName);
        Path staged = support.staging().resolve(UUID.randomUUID() + ".jsonl");
        try {
            Optional<String> sha = support.copyHashed(in, staged);
            if (sha.isEmpty()) {
                if (refuseLarge) {
                    throw UploadTooLargeException.over(support.maxSize());
                }
                return reject(staged, tooLarge(name));
            }
            Optional<DatasetView> known = datasets.find(sha.get());
            if (known.isPresent()) {
                support.count(IntakeOutcome.DUPLICATE);
                log.info(name + " is the same content as dataset " + known.get().name() + ": nothing new");
                return new IntakeResult(IntakeOutcome.DUPLICATE, known.get(), datasets.report(sha.get()));
            }
            ValidationReport report = validator.validate(staged, name, sha.get(), support.depth());
            if (!report.accepted()) {
                return reject(staged, report);
            }
            DatasetView dataset =
                    datasets.store(staged, report, specs.byName(report.spec()).orElseThrow(), priority, source);
            support.count(IntakeOutcome.ACCEPTED);
            jobs.submit(dataset);
            return new IntakeResult(IntakeOutcome.ACCEPTED, datasets.get(dataset.sha256()), report);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    private IntakeResult reject(Path staged, ValidationReport report) throws IOException {
        Path storedAs = rejected.reject(staged, report);
        support.count(IntakeOutcome.REJECTED);
        support.reportRejection(report, storedAs);
        ValidationReport stored = new ValidationReport(
                storedAs.getFileName().toString(),
                report.sha256(),
                report.spec(),
                report.depth(),
                false,
                report.lines(),
                report.examples(),
                report.tokens(),
                report.issues(),
                report.checkedAt());
        return new IntakeResult(IntakeOutcome.REJECTED, null, stored);
    }

    private ValidationReport tooLarge(String name) {
        return new ValidationReport(
                name,
                null,
                null,
                ValidationLevel.QUICK,
                false,
                0,
                0,
                0,
                List.of(new ValidationIssue(
                        0,
                        ValidationLevel.QUICK,
                        "file-too-large",
                        "the file is larger than the limit of "
                                + support.maxSize().toMegabytes() + " MB")),
                support.clock().instant());
    }
}
