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
 * @param parameters number of weights
 * @param memoryBytes bytes the weights take on the device
 * @param device where the weights live, e.g. {@code cpu()} or {@code gpu(0)}
 * @param contextLength the longest prompt plus completion, in tokens
 */
public record ModelInfo(
        String name,
        String version,
        String checksum,
        String source,
        Instant loadedAt,
        long parameters,
        long memoryBytes,
        String device,
        int contextLength,
        int vocabSize) {}
