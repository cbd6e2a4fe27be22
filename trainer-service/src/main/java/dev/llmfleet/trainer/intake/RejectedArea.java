package dev.llmfleet.trainer.intake;

import dev.llmfleet.api.trainer.ValidationReport;
import dev.llmfleet.trainer.storage.AtomicFiles;
import dev.llmfleet.trainer.storage.FileNames;
import dev.llmfleet.trainer.storage.TrainerPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** {@code rejected/}: each refused file, untouched, beside {@code <name>.report.json}. */
@Component
class RejectedArea {

    private static final String REPORT_SUFFIX = ".report.json";

    private final Path directory;
    private final JsonMapper json;

    RejectedArea(TrainerPaths paths, JsonMapper json) {
        this.directory = paths.rejected();
        this.json = json;
    }

    /** Moves the file in under an unused name and writes its report; returns where the file went. */
    synchronized Path reject(Path staged, ValidationReport report) throws IOException {
        Path target = FileNames.unused(directory, report.fileName());
        AtomicFiles.write(
                FileNames.reportFor(target),
                json.writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(withName(report, target.getFileName().toString())));
        AtomicFiles.move(staged, target);
        return target;
    }

    List<ValidationReport> list() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(REPORT_SUFFIX))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(this::read)
                    .toList();
        }
    }

    private ValidationReport read(Path report) {
        try {
            return json.readValue(Files.readAllBytes(report), ValidationReport.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ValidationReport withName(ValidationReport r, String name) {
        return new ValidationReport(
                name,
                r.sha256(),
                r.spec(),
                r.depth(),
                r.accepted(),
                r.lines(),
                r.examples(),
                r.tokens(),
                r.issues(),
                r.checkedAt());
    }
}
