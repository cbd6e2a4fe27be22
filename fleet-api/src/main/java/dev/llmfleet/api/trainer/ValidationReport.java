package dev.llmfleet.api.trainer;

import java.time.Instant;
import java.util.List;

/**
 * What validation found in one file. A file with any issue is rejected as a whole: nothing is
 * dropped or fixed silently.
 *
 * @param fileName the file's sanitised name
 * @param sha256 the digest of its content
 * @param spec the dataset spec it matched, or null when it matched none
 * @param depth how deep it was checked
 * @param lines lines in the file
 * @param examples examples that parsed
 * @param tokens tokens over all examples, with the chat template (0 when not counted)
 * @param issues every bad line and why, in line order
 */
public record ValidationReport(
        String fileName,
        String sha256,
        String spec,
        ValidationLevel depth,
        boolean accepted,
        long lines,
        long examples,
        long tokens,
        List<ValidationIssue> issues,
        Instant checkedAt) {

    public ValidationReport {
        issues = List.copyOf(issues);
    }
}
