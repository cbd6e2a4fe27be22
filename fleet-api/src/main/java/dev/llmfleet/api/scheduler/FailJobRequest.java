package dev.llmfleet.api.scheduler;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A worker's report that its job failed.
 *
 * @param reason what went wrong, for the history
 * @param retryable true to put the job back on the queue while it has attempts left; false fails it
 *     at once (bad data, a bug: retrying would not help)
 */
public record FailJobRequest(@NotBlank @Size(max = 1000) String reason, boolean retryable) {}
