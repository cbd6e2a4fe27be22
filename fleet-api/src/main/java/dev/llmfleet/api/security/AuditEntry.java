package dev.llmfleet.api.security;

import java.time.Instant;

/** One line of the gateway's append-only audit trail: who did what to what, from where, and how it ended. */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String action,
        String target,
        String outcome,
        String remoteAddress,
        String detail) {}
