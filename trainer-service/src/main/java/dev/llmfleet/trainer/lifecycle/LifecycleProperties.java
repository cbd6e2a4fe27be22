package dev.llmfleet.trainer.lifecycle;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the model lifecycle ({@code fleet.trainer.lifecycle.*}): versions, backups,
 * retention and the disk guard. Files live under {@code <fleet.data-dir>/trainer/}:
 * {@code versions/}, {@code backups/} and the {@code current} link.
 *
 * @param secondBackupLocation another folder or mount every backup is also copied to and verified
 *     in; none when absent
 * @param backupRetention how old a backup must be before cleanup removes it
 * @param keepLastCheckpoints how many of a run's newest checkpoints retention keeps (besides the best)
 * @param scheduledRetention whether retention runs on its own, every {@code retentionInterval}
 * @param retentionInterval how often scheduled retention goes through the runs
 * @param diskWatermark the share of a disk that work may fill; work that would go past it is refused
 * @param verifyPrompt the prompt a new version must generate from before it is published
 * @param importRoots the folders model folders may be imported from; none given means
 *     {@code <fleet.data-dir>/imports}. A relative path in an import request is taken from the first.
 */
@Validated
@ConfigurationProperties("fleet.trainer.lifecycle")
public record LifecycleProperties(
        Path secondBackupLocation,
        @NotNull @DefaultValue("30d") Duration backupRetention,
        @Min(1) @DefaultValue("3") int keepLastCheckpoints,
        @DefaultValue("true") boolean scheduledRetention,
        @NotNull @DefaultValue("1h") Duration retentionInterval,

        @DecimalMin("0.01") @DecimalMax("1.0") @DefaultValue("0.9")
        double diskWatermark,

        @NotBlank @DefaultValue("What is 2+2?") String verifyPrompt,
        @NotNull @DefaultValue({}) List<Path> importRoots) {}
