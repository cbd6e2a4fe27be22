package dev.llmfleet.trainer.engine;

import java.time.Duration;

/**
 * One optimizer update: its mean loss over the accumulated batches, the rate used, the tokens it
 * read (padding excluded) and the pace.
 */
public record StepProgress(
        long step,
        long totalSteps,
        double loss,
        long tokens,
        double learningRate,
        double gradientNorm,
        double tokensPerSecond,
        Duration eta) {}
