package dev.llmfleet.api.scheduler;

import java.time.Instant;

/** The scheduler's answer to a device report: the host's devices go stale at {@code staleAt} unless reported again. */
public record DeviceReportResponse(String host, int devices, Instant staleAt) {}
