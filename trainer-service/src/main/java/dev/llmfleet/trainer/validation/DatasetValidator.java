package dev.llmfleet.trainer.validation;

import dev.llmfleet.api.trainer.ValidationIssue;
import dev.llmfleet.api.trainer.ValidationLevel;
import dev.llmfleet.api.trainer.ValidationReport;
import dev.llmfleet.trainer.TrainerProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judges a JSON Lines file against the registered specs and the content rules, as deep as asked.
 * Every problem is reported with its line; a file with any problem is not accepted. DEEP runs only
 * on a file that passed the other levels: its split overlap needs every line to be an example.
 */
@Service
public class DatasetValidator {

    private final DatasetSpecRegistry registry;
    private final TokenCounter tokens;
    private final JsonMapper json;
    private final TrainerProperties properties;
    private final Clock clock;

    DatasetValidator(
            DatasetSpecRegistry registry,
            TokenCounter tokens,
            JsonMapper json,
            TrainerProperties properties,
            Clock clock) {
        this.registry = registry;
        this.tokens = tokens;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    public ValidationReport validate(Path file, String fileName, String sha256, ValidationLevel depth)
            throws IOException {
        List<ValidationIssue> issues = new ArrayList<>();
        QuickCheck quick = new QuickCheck(registry, json, issues);
        long lines = JsonLines.read(file, properties.validation().maxLineLength(), quick::accept);
        if (lines == 0) {
            issues.add(new ValidationIssue(0, ValidationLevel.QUICK, "empty-file", "the file holds no examples"));
        }
        List<Example> examples = quick.examples();
        long tokenCount = 0;
        ContentChecks content = new ContentChecks(issues);
        if (depth.includes(ValidationLevel.STANDARD)) {
            tokenCount =
                    content.standard(examples, tokens, properties.training().maxLength());
        }
        if (issues.isEmpty() && depth.includes(ValidationLevel.DEEP)) {
            content.leakage(examples, properties.validation().leakPrefixChars());
            content.overlap(
                    examples,
                    properties.training().validationFraction(),
                    properties.training().seed());
        }
        issues.sort(Comparator.comparingLong(ValidationIssue::line));
        DatasetSpec spec = quick.fileSpec();
        return new ValidationReport(
                fileName,
                sha256,
                spec == null ? null : spec.name(),
                depth,
                issues.isEmpty(),
                lines,
                examples.size(),
                tokenCount,
                issues,
                clock.instant());
    }

    /** The examples of an accepted file, in line order (for snapshots). */
    public List<Example> examples(Path file) throws IOException {
        QuickCheck quick = new QuickCheck(registry, json, new ArrayList<>());
        JsonLines.read(file, properties.validation().maxLineLength(), quick::accept);
        return quick.examples();
    }
}
