package dev.llmfleet.trainer.intake;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.api.trainer.IntakeOutcome;
import dev.llmfleet.api.trainer.ValidationLevel;
import dev.llmfleet.api.trainer.ValidationReport;
import dev.llmfleet.starter.errors.ErrorReporter;
import dev.llmfleet.trainer.TrainerProperties;
import dev.llmfleet.trainer.storage.TrainerPaths;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** The plumbing of intake: staging copies with their digest, the size limit, counters, error-bus events. */
@Component
class IntakeSupport {

    private final Path staging;
    private final DataSize maxSize;
    private final ValidationLevel depth;
    private final MeterRegistry meters;
    private final ObjectProvider<ErrorReporter> errors;
    private final Clock clock;

    IntakeSupport(
            TrainerPaths paths,
            TrainerProperties properties,
            MeterRegistry meters,
            ObjectProvider<ErrorReporter> errors,
            Clock clock) {
        this.staging = paths.staging();
        this.maxSize = properties.upload().maxSize();
        this.depth = properties.validation().depth();
        this.meters = meters;
        this.errors = errors;
        this.clock = clock;
    }

    /** Copies {@code in} to {@code target}; its SHA-256, or empty when it passed the size limit. */
    Optional<String> copyHashed(InputStream in, Path target) throws IOException {
        MessageDigest digest = sha256();
        long limit = maxSize.toBytes();
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > limit) {
                    return Optional.empty();
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }

    void count(IntakeOutcome outcome) {
        meters.counter("fleet.trainer.files", "outcome", outcome.name().toLowerCase(Locale.ROOT))
                .increment();
    }

    void reportRejection(ValidationReport report, Path storedAs) {
        errors.ifAvailable(reporter -> reporter.event(
                Severity.WARNING,
                "dataset-rejected",
                "%s rejected with %d issue(s); moved to %s"
                        .formatted(report.fileName(), report.issues().size(), storedAs.getFileName())));
    }

    Path staging() {
        return staging;
    }

    DataSize maxSize() {
        return maxSize;
    }

    ValidationLevel depth() {
        return depth;
    }

    Clock clock() {
        return clock;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
