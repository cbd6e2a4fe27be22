package dev.llmfleet.api.lifecycle;

/**
 * Apply checkpoint retention to one run's checkpoint folder: keep the last {@code keepLast} (the
 * configured number when null) and the best; a dry run unless {@code execute}.
 */
public record RetentionRequest(String runCheckpoints, Integer keepLast, boolean execute) {}
