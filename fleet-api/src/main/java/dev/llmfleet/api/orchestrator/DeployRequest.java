package dev.llmfleet.api.orchestrator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An operator's request to deploy {@code version} (a version name, or {@code latest}). */
public record DeployRequest(
        @NotBlank @Size(max = 100) String version,
        @Size(max = 500) String reason) {}
