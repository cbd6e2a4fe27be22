package dev.llmfleet.trainer.intake;

import dev.llmfleet.api.error.FleetException;
import dev.llmfleet.api.trainer.ValidationIssue;
import dev.llmfleet.api.trainer.ValidationReport;
import java.util.stream.Collectors;

/** An uploaded file failed validation; the problem names its first bad lines, the report all of them. */
public class DatasetRejectedException extends FleetException {

    private static final int SHOWN = 5;

    private DatasetRejectedException(String message) {
        super(Kind.UNPROCESSABLE, "dataset-rejected", message);
    }

    static DatasetRejectedException of(ValidationReport report, String storedAs) {
        String lines = report.issues().stream()
                .limit(SHOWN)
                .map(DatasetRejectedException::describe)
                .collect(Collectors.joining("; "));
        String more =
                report.issues().size() > SHOWN ? " (and " + (report.issues().size() - SHOWN) + " more)" : "";
        return new DatasetRejectedException("%s rejected: %s%s; full report at rejected/%s.report.json"
                .formatted(report.fileName(), lines, more, storedAs));
    }

    private static String describe(ValidationIssue issue) {
        return (issue.line() > 0 ? "line " + issue.line() + " " : "") + issue.code() + ": " + issue.message();
    }
}
