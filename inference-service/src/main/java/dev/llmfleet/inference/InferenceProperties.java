package dev.llmfleet.inference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the inference host ({@code fleet.inference.*}).
 *
 * @param modelName the id OpenAI clients pass as {@code model}; stays the same across versions
 * @param modelDir a checkpoint folder to load at start-up (none: wait for {@code /models/reload})
 * @param version a trainer version to download and load at start-up when no folder is given
 * @param versionsDir where downloaded versions are kept; {@code <fleet.data-dir>/inference/versions} when not set
 * @param trainerService the registry name of the host that serves versions
 */
@Validated
@ConfigurationProperties("fleet.inference")
public record InferenceProperties(
        @DefaultValue("fleet") @NotBlank String modelName,
        Path modelDir,
        String version,
        Path versionsDir,

        @DefaultValue("trainer-service") @NotBlank String trainerService,
        @DefaultValue @Valid Engine engine,
        @DefaultValue @Valid Limits limits,
        @DefaultValue @Valid Readiness readiness) {

    /**
     * @param queueCapacity requests waiting for a place in the batch; one more is refused with 429
     * @param maxBatchSize sequences decoded together in one step
     * @param intraOpThreads PyTorch's intra-op threads (0: its default)
     * @param interOpThreads PyTorch's inter-op threads (0: its default)
     */
    public record Engine(
            @DefaultValue("64") @Min(1) int queueCapacity,
            @DefaultValue("16") @Min(1) int maxBatchSize,
            @DefaultValue("0") @Min(0) int intraOpThreads,
            @DefaultValue("0") @Min(0) int interOpThreads) {}

    /**
     * @param maxTokens the largest {@code max_tokens} a request may ask for (the context still caps it)
     * @param defaultMaxTokens what a request gets when it names no limit
     * @param requestTimeout how long a request may wait for its generation (or a stream for its next token)
     * @param maxContext the longest prompt plus completion this host serves; a model with a shorter
     *     context ({@code max_position_embeddings}) is served at its own
     */
    public record Limits(
            @DefaultValue("4096") @Min(1) int maxTokens,
            @DefaultValue("256") @Min(1) int defaultMaxTokens,
            @DefaultValue("5m") Duration requestTimeout,
            @DefaultValue("8192") @Min(2) int maxContext) {}

    /**
     * @param recentGeneration a generation completed this recently proves the engine works
     * @param selfTestTimeout how long a readiness self-test generation may take
     * @param selfTestTokens tokens the self-test generates (load check and readiness)
     */
    public record Readiness(
            @DefaultValue("30s") Duration recentGeneration,
            @DefaultValue("10s") Duration selfTestTimeout,
            @DefaultValue("4") @Min(1) int selfTestTokens) {}
}
