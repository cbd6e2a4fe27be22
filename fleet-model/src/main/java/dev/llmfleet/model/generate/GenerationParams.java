package dev.llmfleet.model.generate;

import java.util.List;

/**
 * How to pick tokens. Temperature 0 is greedy; otherwise logits are divided by the temperature,
 * cut to the {@code topK} most likely (0 keeps all) and to the smallest set whose probability
 * reaches {@code topP}, then sampled from a generator seeded with {@code seed}. {@code logprobs}
 * asks for the log-probability of each chosen token and of the {@code logprobs} most likely
 * alternatives (0: the chosen token only; -1: none).
 */
public record GenerationParams(
        int maxTokens, double temperature, double topP, int topK, List<String> stopSequences, long seed, int logprobs) {

    /** The most alternatives a step reports, as OpenAI allows. */
    public static final int MAX_LOGPROBS = 20;

    public GenerationParams {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max tokens must be positive");
        }
        if (temperature < 0 || topP <= 0 || topP > 1 || topK < 0) {
            throw new IllegalArgumentException("temperature >= 0, 0 < top-p <= 1 and top-k >= 0 are required");
        }
        if (logprobs < -1 || logprobs > MAX_LOGPROBS) {
            throw new IllegalArgumentException("logprobs must be between 0 and " + MAX_LOGPROBS);
        }
        stopSequences = stopSequences == null ? List.of() : List.copyOf(stopSequences);
    }

    public GenerationParams(
            int maxTokens, double temperature, double topP, int topK, List<String> stopSequences, long seed) {
        this(maxTokens, temperature, topP, topK, stopSequences, seed, -1);
    }

    public static GenerationParams greedy(int maxTokens) {
        return new GenerationParams(maxTokens, 0, 1, 0, List.of(), 0);
    }

    public boolean isGreedy() {
        return temperature == 0;
    }

    public boolean wantsLogprobs() {
        return logprobs >= 0;
    }
}
