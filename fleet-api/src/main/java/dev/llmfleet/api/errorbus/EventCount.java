package dev.llmfleet.api.errorbus;

import java.time.Instant;

/**
 * How many matching events occurred in one time bucket of one severity.
 *
 * @param bucketStart the start of the bucket
 * @param severity the severity counted
 * @param count how many events
 */
public record EventCount(Instant bucketStart, Severity severity, long count) {}
