package dev.llmfleet.api.observability;

import java.time.Instant;
import java.util.List;

/**
 * Which alert rules are in force and where they came from.
 *
 * @param source the file the rules were read from, or {@code classpath default}
 * @param loadedAt when the rules in force were loaded
 * @param rules the names of the rules in force
 * @param lastErrors the errors of the last failed reload (the previous rules stay in force), empty
 *     when the last reload succeeded
 */
public record AlertRulesStatus(String source, Instant loadedAt, List<String> rules, List<String> lastErrors) {}
