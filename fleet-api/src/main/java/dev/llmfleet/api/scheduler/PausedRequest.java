package dev.llmfleet.api.scheduler;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A worker's confirmation that it saved a checkpoint and let go of its device. */
public record PausedRequest(@NotBlank @Size(max = 500) String checkpointRef) {}
