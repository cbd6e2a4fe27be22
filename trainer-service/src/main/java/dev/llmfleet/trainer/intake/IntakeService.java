package dev.llmfleet.trainer.intake;

import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.api.trainer.IntakeOutcome;
import dev.llmfleet.api.trainer.IntakeResult;
import dev.llmfleet.api.trainer.RunSettings;
import dev.llmfleet.api.trainer.ValidationIssue;
import dev.llmfleet.api.trainer.ValidationLevel;
import dev.llmfleet.api.trainer.ValidationReport;
import dev.llmfleet.trainer.dataset.DatasetService;
import dev.llmfleet.trainer.queue.TrainingJobs;
import dev.llmfleet.trainer.run.InvalidRunSettingsException;
import dev.llmfleet.trainer.run.RunPolicy;
import dev.llmfleet.trainer.storage.FileNames;
import dev.llmfleet.trainer.validation.DatasetSpec;
import dev.llmfleet.trainer.validation.DatasetSpecRegistry;
import dev.llmfleet.trainer.validation.DatasetValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
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
    private final RunPolicy runs;

    IntakeService(
            DatasetValidator validator,
            DatasetSpecRegistry specs,
            DatasetService datasets,
            TrainingJobs jobs,
            RejectedArea rejected,
            IntakeSupport support,
            RunPolicy runs) {
        this.runs = runs;
        this.validator = validator;
        this.specs = specs;
        this.datasets = datasets;
        this.jobs = jobs;
        this.rejected = rejected;
        this.support = support;
    }

    /**
     * Takes a file that is complete on disk (from the inbox); it leaves its folder, and so does its
     * run settings file ({@code <name>.run.json} beside it), whose settings a refused field turns
     * into a rejection of the file.
     */
    public synchronized IntakeResult takeFile(Path file, String name, JobPriority priority, String source)
            throws IOException {
        Optional<Path> sidecar = RunSidecars.of(file);
        try (InputStream in = Files.newInputStream(file)) {
            IntakeResult result = take(in, name, priority, source, false, () -> RunSidecars.read(sidecar));
            Files.deleteIfExists(file);
            if (sidecar.isPresent()) {
                Files.deleteIfExists(sidecar.get());
            }
            return result;
        }
    }

    /**
     * Takes an uploaded stream with the run settings it came with; a stream over the size limit,
     * a rejected file or refused run settings are answered with an error and nothing is kept.
     */
    public synchronized IntakeResult takeUpload(InputStream in, String name, JobPriority priority, RunSettings run)
            throws IOException {
        IntakeResult result = take(in, name, priority, "upload", true, () -> run);
        if (result.outcome() == IntakeOutcome.REJECTED) {
            throw DatasetRejectedException.of(result.report(), result.report().fileName());
        }
        return result;
    }

    public List<ValidationReport> rejectedReports() throws IOException {
        return rejected.list();
    }

    private IntakeResult take(
            InputStream in,
            String originalName,
            JobPriority priority,
            String source,
            boolean upload,
            Supplier<RunSettings> requested)
            throws IOException {
        String name = FileNames.sanitise(originalName);
        Path staged = support.staging().resolve(UUID.randomUUID() + ".jsonl");
        try {
            Optional<String> sha = support.copyHashed(in, staged);
            if (sha.isEmpty()) {
                if (upload) {
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
            DatasetSpec spec = specs.byName(report.spec()).orElseThrow();
            RunSettings run;
            try {
                run = runs.effective(requested.get(), spec.format());
            } catch (InvalidRunSettingsException e) {
                if (upload) {
                    throw e;
                }
                return reject(staged, refusedSettings(report, e));
            }
            DatasetView dataset = datasets.store(staged, report, spec, priority, source, run);
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

    /** The file's report with the refused run setting as its issue: the file was fine, its settings were not. */
    private static ValidationReport refusedSettings(ValidationReport report, InvalidRunSettingsException e) {
        return new ValidationReport(
                report.fileName(),
                report.sha256(),
                report.spec(),
                report.depth(),
                false,
                report.lines(),
                report.examples(),
                report.tokens(),
                List.of(new ValidationIssue(0, ValidationLevel.QUICK, "invalid-run-settings", e.getMessage())),
                report.checkedAt());
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
