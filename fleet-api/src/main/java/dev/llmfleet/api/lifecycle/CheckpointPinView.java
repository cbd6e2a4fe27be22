package dev.llmfleet.api.lifecycle;

import java.time.Instant;

/** A checkpoint that retention must keep, and who needs it. */
public record CheckpointPinView(
        long id, String checkpoint, CheckpointPinRequest.PinKind kind, String holder, Instant createdAt) {}
