package dev.llmfleet.api.scheduler;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Moves a job to another priority; it keeps its original position among that priority's jobs. */
public record ChangePriorityRequest(
        @NotNull JobPriority priority,
        @NotBlank @Size(max = 200) String by,
        @Size(max = 1000) String reason) {}
