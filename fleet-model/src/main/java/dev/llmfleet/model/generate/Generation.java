package dev.llmfleet.model.generate;

/** What a generation produced: the new tokens, their text, and why it stopped. */
public record Generation(int[] tokens, String text, FinishReason finishReason) {

    public enum FinishReason {
        STOP,
        LENGTH
    }
}
