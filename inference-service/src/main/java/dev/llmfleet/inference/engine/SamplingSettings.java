package dev.llmfleet.inference.engine;

import java.util.List;

/**
 * How one request picks its tokens: greedy at temperature 0, otherwise temperature and top-p
 * sampling from a generator seeded with {@code seed}. {@code maxTokens} is capped by the context.
 */
public record SamplingSettings(int maxTokens, double temperature, double topP, List<String> stop, long seed) {

    public SamplingSettings {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max tokens must be positive");
        }
        if (temperature < 0 || topP <= 0 || topP > 1) {
            throw new IllegalArgumentException("temperature >= 0 and 0 < top-p <= 1 are required");
        }
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    public static SamplingSettings greedy(int maxTokens) {
        return new SamplingSettings(maxTokens, 0, 1, List.of(), 0);
    }
}
