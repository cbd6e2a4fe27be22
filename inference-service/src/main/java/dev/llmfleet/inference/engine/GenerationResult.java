package dev.llmfleet.inference.engine;

/**
 * A finished generation: its text (stop sequences and stop tokens removed), why it ended, the
 * token counts, and the version of the model that produced it.
 */
public record GenerationResult(
        String text, FinishReason finishReason, int promptTokens, int completionTokens, String modelVersion) {

    public enum FinishReason {
        STOP,
        LENGTH,
        CANCELLED
    }
}
