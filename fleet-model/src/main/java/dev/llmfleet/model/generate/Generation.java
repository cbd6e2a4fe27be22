package dev.llmfleet.model.generate;

import java.util.List;

/**
 * What a generation produced: the new tokens (a stop token included), their text (stop tokens and
 * stop sequences removed), why it stopped, and the logprobs when they were asked for.
 */
public record Generation(int[] tokens, String text, FinishReason finishReason, List<TokenLogprob> logprobs) {

    public Generation {
        logprobs = logprobs == null ? List.of() : List.copyOf(logprobs);
    }

    public enum FinishReason {
        STOP,
        LENGTH,
        CANCELLED
    }
}
