package dev.llmfleet.api.scheduler;

/**
 * A VRAM estimate and how it was reached (all sizes in MiB).
 *
 * @param formulaMb weights + gradients + optimizer state + activations + overhead
 * @param correction the mean ratio of reported peak to formula over the model's finished runs (1.0 with none)
 * @param observations how many finished runs the correction rests on
 * @param estimatedMb {@code formulaMb × correction}, rounded up: what to ask the scheduler for
 */
public record VramEstimate(
        String model,
        long weightsMb,
        long gradientsMb,
        long optimizerMb,
        long activationsMb,
        long overheadMb,
        long formulaMb,
        double correction,
        int observations,
        long estimatedMb) {}
