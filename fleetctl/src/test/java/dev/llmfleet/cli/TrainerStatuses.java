package dev.llmfleet.cli;

import dev.llmfleet.api.trainer.TrainerState;
import dev.llmfleet.api.trainer.TrainerStatus;
import java.time.Instant;
import java.util.UUID;

/** Trainer statuses for tests: a run at some step, and the same trainer once it is idle again. */
final class TrainerStatuses {

    static final UUID JOB = UUID.fromString("0b6e1d4c-8f3a-4f6e-9a51-3c2d7e8f9a10");
    static final String DATASET = "3f2a9c1d0e7b5a4c3f2a9c1d0e7b5a4c3f2a9c1d0e7b5a4c3f2a9c1d0e7b5a4c";

    private TrainerStatuses() {}

    static TrainerStatus training(
            long step, long total, Double loss, Double validationLoss, Double tokensPerSecond, Long eta) {
        return new TrainerStatus(
                TrainerState.TRAINING,
                JOB,
                UUID.fromString("6f1c1b7e-2d0e-4b7a-9a59-1f0c6a4f0d11"),
                DATASET,
                "addition.jsonl",
                step,
                total,
                loss,
                validationLoss,
                validationLoss == null || loss == null ? null : validationLoss - loss,
                tokensPerSecond,
                eta,
                step >= 10 ? 10L : null,
                null,
                null,
                "step " + step,
                Instant.parse("2026-11-25T13:00:00Z").plusSeconds(step));
    }

    static TrainerStatus idle(long step, long total) {
        return new TrainerStatus(
                TrainerState.IDLE,
                JOB,
                null,
                DATASET,
                "addition.jsonl",
                step,
                total,
                0.5,
                0.6,
                0.1,
                null,
                null,
                step,
                null,
                null,
                "completed after " + step + " steps",
                Instant.parse("2026-11-25T14:00:00Z"));
    }
}
