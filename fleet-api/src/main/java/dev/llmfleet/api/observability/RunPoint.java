package dev.llmfleet.api.observability;

import java.time.Instant;

/** One point of a run's curves. */
public record RunPoint(long step, Double trainLoss, Double validationLoss, Double tokensPerSecond, Instant at) {}
