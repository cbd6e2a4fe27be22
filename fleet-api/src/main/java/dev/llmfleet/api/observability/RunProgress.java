package dev.llmfleet.api.observability;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a trainer reports about one run, every step or few: the run monitor turns the series into
 * curves, notices stalls and completion, and archives the run.
 *
 * @param runId the run's id, safe for a file name
 * @param dataset the dataset (or job) the run trains on
 * @param state the run's state
 * @param step the last completed step
 * @param totalSteps the steps the run will take, 0 when unknown
 * @param trainLoss the training loss at {@code step}, null when not known
 * @param validationLoss the last validation loss, null before the first evaluation
 * @param tokensPerSecond training throughput, null when not known
 * @param runDirectory the run's folder on the host that trains it (logs, {@code status.json},
 *     snapshots); archived when the hub can read it, null when not shared
 */
public record RunProgress(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+")
        String runId,

        @Size(max = 200) String dataset,
        @NotNull RunState state,
        @Min(0) long step,
        @Min(0) long totalSteps,
        Double trainLoss,
        Double validationLoss,
        Double tokensPerSecond,
        @Size(max = 1000) String runDirectory) {}
