package dev.llmfleet.api.trainer;

/** The answer to an upload: the dataset it is (new or already known) and the validation report. */
public record IntakeResult(IntakeOutcome outcome, DatasetView dataset, ValidationReport report) {}
