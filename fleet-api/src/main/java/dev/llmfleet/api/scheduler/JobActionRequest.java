package dev.llmfleet.api.scheduler;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Who asks for a cancel, skip, pause, resume or retry, and why (recorded in the job's history). */
public record JobActionRequest(
        @NotBlank @Size(max = 200) String by,
        @Size(max = 1000) String reason) {}
