package dev.llmfleet.api.orchestrator;

import java.time.Instant;

/**
 * One stored version of a skill level's fixed validation suite. A new version is stored only when
 * the generated questions change.
 *
 * <p>Evaluation specs name it {@code <skill>/<level>@<version>}.
 *
 * @param version 1 for the first questions stored for the level, then 2, ...
 * @param sha256 SHA-256 of the questions, as stored
 * @param size how many questions it holds
 */
public record SuiteView(String skill, int level, int version, String sha256, int size, Instant createdAt) {}
