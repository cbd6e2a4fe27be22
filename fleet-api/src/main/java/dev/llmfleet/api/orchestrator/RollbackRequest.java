package dev.llmfleet.api.orchestrator;

import jakarta.validation.constraints.Size;

/** An operator's request to go back to the version deployed before the current one. */
public record RollbackRequest(@Size(max = 500) String reason) {}
