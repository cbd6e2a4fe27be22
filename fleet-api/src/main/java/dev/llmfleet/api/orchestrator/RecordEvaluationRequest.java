package dev.llmfleet.api.orchestrator;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An evaluation result for the curriculum: the accuracy a model reached on a skill's validation
 * suite at a level.
 *
 * @param source what was evaluated, e.g. a checkpoint or version id
 */
public record RecordEvaluationRequest(
        @NotNull @Min(1) Integer level,
        @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double accuracy,
        @NotBlank @Size(max = 200) String source) {}
