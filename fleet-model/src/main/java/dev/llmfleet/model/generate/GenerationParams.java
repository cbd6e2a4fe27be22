package dev.llmfleet.model.generate;

import java.util.List;

/**
 * How to pick tokens. Temperature 0 is greedy; otherwise logits are divided by the temperature,
 * cut to the {@code topK} most likely (0 keeps all) and to the smallest set whose probability
 * reaches {@code topP}, then sampled from a generator seeded with {@code seed}.
 */
public record GenerationParams(
        int maxTokens, double temperature, double topP, int topK, List<String> stopSequences, long seed) {

    public GenerationParams {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max tokens must be positive");
        }
        if (temperature < 0 || topP <= 0 || topP > 1 || topK < 0) {
            throw new IllegalArgumentException("temperature >= 0, 0 < top-p <= 1 and top-k >= 0 are required");
        }
        stopSequences = stopSequences == null ? List.of() : List.copyOf(stopSequences);
    }

    public static GenerationParams greedy(int maxTokens) {
        return new GenerationParams(maxTokens, 0, 1, 0, List.of(), 0);
    }

    public boolean isGreedy() {
        return temperature == 0;
    }
}
