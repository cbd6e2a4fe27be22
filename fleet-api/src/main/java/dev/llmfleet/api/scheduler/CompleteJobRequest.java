package dev.llmfleet.api.scheduler;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A worker's report that its job finished.
 *
 * @param peakVramMb the highest device memory the run used; corrects later VRAM estimates of its model
 * @param summary a short note for the history
 */
public record CompleteJobRequest(
        @Min(0) @Max(16_777_216) Long peakVramMb,
        @Size(max = 1000) String summary) {}
