package dev.llmfleet.api.lifecycle;

/**
 * A model folder that became a version.
 *
 * @param version {@code v001}, {@code v002}, ...
 * @param family the model family ({@code qwen3}, {@code qwen2}, {@code llama})
 * @param parameters the number of weights
 * @param dtype how the weights are stored ({@code bfloat16}, {@code float16}, {@code float32})
 * @param contextLength the model's own context ({@code max_position_embeddings})
 * @param manifestSha256 SHA-256 of the version's {@code manifest.json}, which pins every file
 * @param backup the verified backup taken of the model that was current before (null when none was)
 */
public record ImportedVersion(
        String version,
        String family,
        long parameters,
        String dtype,
        int contextLength,
        String description,
        String manifestSha256,
        long sizeBytes,
        String backup) {}
