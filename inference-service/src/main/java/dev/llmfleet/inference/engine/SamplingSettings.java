package dev.llmfleet.inference.engine;

import dev.llmfleet.model.generate.GenerationParams;
import dev.llmfleet.model.hf.GenerationConfig;
import java.util.List;

/**
 * How one request wants its tokens picked. What it leaves open (null) takes the model's own
 * recommendation from {@code generation_config.json}, as vLLM does, and otherwise OpenAI's defaults
 * (temperature 1, top-p 1, no top-k). {@code logprobs}: -1 none, 0 the chosen token, n also the n
 * most likely alternatives.
 */
public record SamplingSettings(
        int maxTokens, Double temperature, Double topP, Integer topK, List<String> stop, long seed, int logprobs) {

    public SamplingSettings {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max tokens must be positive");
        }
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    public static SamplingSettings greedy(int maxTokens) {
        return new SamplingSettings(maxTokens, 0.0, 1.0, 0, List.of(), 0, -1);
    }

    /** The generation's parameters on a model with {@code defaults}, {@code budget} tokens at most. */
    GenerationParams resolve(GenerationConfig defaults, int budget) {
        double t = temperature != null ? temperature : defaults.temperature().orElse(1.0);
        double p = topP != null ? topP : defaults.topP().orElse(1.0);
        int k = topK != null ? topK : defaults.topK().orElse(0);
        return new GenerationParams(Math.max(1, budget), t, p, k, stop, seed, logprobs);
    }
}
