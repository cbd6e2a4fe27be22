package dev.llmfleet.api.scheduler;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a run looks like, for "what does batch 30 need?".
 *
 * @param model the model name; finished runs of it correct the estimate
 * @param parameters the model's parameter count
 * @param trainableParameters those that train (LoRA: the adapter's); all when absent, none for
 *     {@link Optimizer#NONE}
 * @param layers transformer layers; derived from the parameter count when absent
 * @param hiddenSize the model width; derived from the parameter count when absent
 */
public record VramEstimateRequest(
        @Size(max = 200) String model,
        @NotNull @Min(1) @Max(10_000_000_000_000L) Long parameters,
        @NotNull @Min(1) @Max(65_536) Integer batchSize,
        @NotNull @Min(1) @Max(1_048_576) Integer sequenceLength,
        Precision precision,
        Optimizer optimizer,
        @Min(0) Long trainableParameters,
        @Min(1) @Max(1_000) Integer layers,
        @Min(1) @Max(1_000_000) Integer hiddenSize) {

    public VramEstimateRequest {
        precision = precision == null ? Precision.BF16 : precision;
        optimizer = optimizer == null ? Optimizer.ADAMW : optimizer;
    }
}
