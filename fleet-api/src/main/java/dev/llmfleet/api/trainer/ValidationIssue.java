package dev.llmfleet.api.trainer;

/**
 * One thing wrong with a dataset file.
 *
 * @param line the 1-based line number, 0 for the file as a whole
 * @param level the check that found it
 * @param code a stable, machine-readable reason (e.g. {@code invalid-json}, {@code unknown-role})
 * @param message what is wrong, for people
 */
public record ValidationIssue(long line, ValidationLevel level, String code, String message) {}
