package dev.llmfleet.api.trainer;

import java.util.List;

/**
 * How a dataset is trained: one JSON shape for every way in (the inbox's {@code <name>.run.json}
 * beside the file, the multipart field {@code run} of an upload, the {@code run} parameter of a
 * streamed upload). A field left out takes the trainer's default; the trainer answers with every
 * field filled in, as the job runs with it.
 *
 * @param base what the run starts from: a version ({@code v003}), {@code deployed} (the version
 *     serving now) or {@code scratch} (the tiny demo model with fresh weights)
 * @param method {@code full} (every weight trains) or {@code lora} (adapters on the frozen base)
 * @param lora the adapter's shape, for {@code lora}
 * @param learningRate the peak learning rate
 * @param schedule {@code cosine}, {@code linear} or {@code constant}, each after a linear warm-up
 * @param warmupSteps optimizer steps of warm-up
 * @param epochs passes over the training split; give this or {@code maxSteps}
 * @param maxSteps optimizer steps; give this or {@code epochs}
 * @param batchSize sequences per micro-batch
 * @param gradientAccumulation micro-batches per optimizer step
 * @param maxLength the longest sequence in tokens; longer examples are cut
 * @param precision {@code fp32}, or {@code bf16} where the device supports it
 * @param systemPrompt a system turn put before each chat example that has none
 * @param seed the seed of the weights, the data order and the validation split
 */
public record RunSettings(
        String base,
        String method,
        Lora lora,
        Double learningRate,
        String schedule,
        Integer warmupSteps,
        Integer epochs,
        Integer maxSteps,
        Integer batchSize,
        Integer gradientAccumulation,
        Integer maxLength,
        String precision,
        String systemPrompt,
        Long seed) {

    /** Nothing given: every field takes the trainer's default. */
    public static RunSettings defaults() {
        return new RunSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * A low-rank adapter's shape.
     *
     * @param targets the projections that get an adapter ({@code q_proj}, {@code down_proj}, ...)
     */
    public record Lora(Integer rank, Double alpha, Double dropout, List<String> targets) {}
}
