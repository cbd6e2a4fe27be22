package dev.llmfleet.api.inference;

import java.time.Instant;

/**
 * The model an inference host is serving.
 *
 * @param name the id OpenAI clients pass as {@code model}
 * @param version the version it was loaded from (a trainer version id, or the folder name)
 * @param checksum SHA-256 of the version's manifest, which pins every file's SHA-256
 * @param source where the files were read from
 * @param loadedAt when the swap to this model happened
 * @param family the model family: {@code qwen3}, {@code qwen2}, {@code llama}, or {@code gpt} (the demo's tiny model)
 * @param parameters number of weights
 * @param dtype how the version stores its weights ({@code bfloat16}, {@code float16}, {@code float32})
 * @param memoryBytes bytes the weights take on the device (they are computed in float32)
 * @param device where the weights live, e.g. {@code cpu()} or {@code gpu(0)}
 * @param contextLength the longest prompt plus completion this host serves, in tokens: the smaller of the
 *     model's own context and the host's configured maximum
 * @param vocabSize tokens the model knows
 */
public record ModelInfo(
        String name,
        String version,
        String checksum,
        String source,
        Instant loadedAt,
        String family,
        long parameters,
        String dtype,
        long memoryBytes,
        String device,
        int contextLength,
        int vocabSize) {}
