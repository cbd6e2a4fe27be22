package dev.llmfleet.inference.engine;

import dev.llmfleet.model.generate.TokenLogprob;
import java.util.List;

/**
 * A finished generation: its text (stop sequences and stop tokens removed), why it ended, the
 * token counts (a stop token counts as generated), the version of the model that produced it, and
 * each text token's logprobs when they were asked for.
 */
public record GenerationResult(
        String text,
        FinishReason finishReason,
        int promptTokens,
        int completionTokens,
        String modelVersion,
        List<TokenLogprob> logprobs) {

    public GenerationResult {
        logprobs = logprobs == null ? List.of() : List.copyOf(logprobs);
    }

    public enum FinishReason {
        STOP,
        LENGTH,
        CANCELLED
    }
}
