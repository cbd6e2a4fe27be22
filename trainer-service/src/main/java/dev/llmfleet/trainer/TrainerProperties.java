package dev.llmfleet.trainer;

import dev.llmfleet.api.trainer.ValidationLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of trainer-service ({@code fleet.trainer.*}). Files live under
 * {@code <fleet.data-dir>/trainer/}: {@code inbox/}, {@code inbox/priority/}, {@code rejected/},
 * {@code datasets/}, {@code runs/}, {@code control/}.
 *
 * @param inbox how the inbox folders are watched
 * @param upload limits of REST uploads
 * @param validation how deep files are checked and against which specs
 * @param training the model and the run settings every job uses
 * @param worker the loop that takes leases from the scheduler
 * @param control how often the signal files are looked for
 * @param snapshots the evolution snapshots taken at each evaluation
 */
@Validated
@ConfigurationProperties("fleet.trainer")
public record TrainerProperties(
        @Valid @NotNull @DefaultValue Inbox inbox,
        @Valid @NotNull @DefaultValue Upload upload,
        @Valid @NotNull @DefaultValue Validation validation,
        @Valid @NotNull @DefaultValue Training training,
        @Valid @NotNull @DefaultValue Worker worker,
        @Valid @NotNull @DefaultValue Control control,
        @Valid @NotNull @DefaultValue Snapshots snapshots) {

    /**
     * @param pollInterval how often the inbox is listed
     * @param stableFor how long a file's size and modification time must hold still before it is taken
     */
    public record Inbox(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("1s") Duration pollInterval,
            @NotNull @DefaultValue("3s") Duration stableFor) {}

    /** @param maxSize the largest file accepted, by upload or from the inbox */
    public record Upload(@NotNull @DefaultValue("256MB") DataSize maxSize) {}

    /**
     * @param depth how deep files are checked on arrival
     * @param skills the curriculum skills whose specs are registered ({@code chat_sft_v1} lines
     *     tagged {@code "skill": "<name>"})
     * @param maxLineLength the longest line accepted, in characters
     * @param leakPrefixChars an answer prefix this long found in the prompt counts as leaked
     */
    public record Validation(
            @NotNull @DefaultValue("DEEP") ValidationLevel depth,

            @NotNull @DefaultValue({"arithmetic", "anagram"})
            List<String> skills,

            @Min(16) @DefaultValue("1000000") int maxLineLength,
            @Min(4) @DefaultValue("24") int leakPrefixChars) {}

    /**
     * @param modelName the name jobs carry, the key of the scheduler's VRAM correction
     * @param layers transformer layers of the GPT model trained from scratch
     * @param maxLength the longest example in tokens; longer ones are rejected, never cut
     * @param intraOpThreads PyTorch's intra-op threads (0: its default)
     * @param interOpThreads PyTorch's inter-op threads (0: its default)
     * @param evalSteps validation and an evolution snapshot every this many steps (a multiple of
     *     {@code saveSteps}, since snapshots read the checkpoint of their step)
     * @param base what a dataset's run starts from unless its run settings say otherwise: a version,
     *     {@code deployed} (continuous training: the version serving now) or {@code scratch}
     * @param method {@code full} or {@code lora}, unless a dataset's run settings say otherwise
     * @param lora the adapter shape of LoRA runs; no targets means every projection of the model
     * @param maxLength the longest example in tokens, cut beyond; a run uses the smaller of this and
     *     its model's context
     */
    public record Training(
            @NotBlank @DefaultValue("gpt-tiny") String modelName,
            @Min(1) @DefaultValue("2") int layers,
            @Min(1) @DefaultValue("4") int heads,
            @Min(1) @DefaultValue("64") int hiddenSize,
            @Min(2) @DefaultValue("64") int contextLength,
            @Min(2) @DefaultValue("2048") int maxLength,
            @Min(1) @DefaultValue("200") int maxSteps,
            @Min(1) @DefaultValue("16") int batchSize,
            @Min(1) @DefaultValue("1") int gradientAccumulation,
            @DecimalMin("0.0") @DefaultValue("0.003") double learningRate,
            @Min(0) @DefaultValue("10") int warmupSteps,
            @Min(1) @DefaultValue("50") int evalSteps,
            @Min(1) @DefaultValue("25") int saveSteps,
            @Min(1) @DefaultValue("3") int keepLast,

            @DecimalMin("0.0") @DecimalMax("0.5") @DefaultValue("0.1")
            double validationFraction,

            @DefaultValue("42") long seed,
            @Min(0) @DefaultValue("0") int intraOpThreads,
            @Min(0) @DefaultValue("0") int interOpThreads,
            @NotBlank @DefaultValue("deployed") String base,
            @NotBlank @DefaultValue("full") String method,
            @Valid @NotNull @DefaultValue Lora lora) {

        @AssertTrue(message = "evalSteps must be a multiple of saveSteps")
        public boolean isEvalOnCheckpoint() {
            return saveSteps > 0 && evalSteps % saveSteps == 0;
        }
    }

    /** The default adapter of LoRA runs: rank 8, alpha 16, no dropout, every projection of the model. */
    public record Lora(
            @Min(1) @DefaultValue("8") int rank,

            @DecimalMin(value = "0.0", inclusive = false) @DefaultValue("16")
            double alpha,

            @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false) @DefaultValue("0.0")
            double dropout,

            @NotNull @DefaultValue List<String> targets) {}

    /**
     * @param pollWait how long one long-poll for a lease waits
     * @param retryDelay the pause after the scheduler could not be reached
     * @param completionAttempts how often a completion is offered to a scheduler that cannot be
     *     reached before the dataset is left for the job's next lease
     * @param completionBackoff the pause before the second offer; it doubles for each further one
     */
    public record Worker(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("20s") Duration pollWait,
            @NotNull @DefaultValue("2s") Duration retryDelay,
            @Min(1) @DefaultValue("5") int completionAttempts,
            @NotNull @DefaultValue("1s") Duration completionBackoff) {}

    /** @param pollInterval how often {@code control/} is looked at for signal files */
    public record Control(@NotNull @DefaultValue("500ms") Duration pollInterval) {}

    /**
     * @param prompts how many fixed prompts each snapshot asks
     * @param maxNewTokens the longest answer generated
     * @param promptsFile a chat_sft_v1 or completion_v1 file of fixed prompts; the dataset's
     *     validation split when absent
     */
    public record Snapshots(
            @Min(1) @DefaultValue("8") int prompts,
            @Min(1) @DefaultValue("24") int maxNewTokens,
            Path promptsFile) {}
}
