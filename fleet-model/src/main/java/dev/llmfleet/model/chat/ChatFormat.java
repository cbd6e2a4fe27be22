package dev.llmfleet.model.chat;

import java.util.List;
import java.util.Map;

/**
 * How a model turns conversations and text into tokens: the demo GPT's fixed {@link ChatTemplate},
 * or a Hugging Face model's own Jinja template ({@link HfChatFormat}). Training, evaluation and
 * serving all go through the model's format, so a model sees the same layout everywhere.
 */
public interface ChatFormat {

    /**
     * The conversation so far, followed by the start of the assistant's turn: what the model
     * continues. {@code options} are the template's own switches ({@code enable_thinking}, ...).
     */
    int[] prompt(List<ChatMessage> messages, Map<String, Object> options);

    default int[] prompt(List<ChatMessage> messages) {
        return prompt(messages, Map.of());
    }

    /** Plain text to continue (the completions API): the text's tokens, after a BOS when the model wants one. */
    int[] text(String text);

    /** A whole conversation with, for each token, whether training teaches it (the assistant's turns). */
    TokenSequence conversation(List<ChatMessage> messages);

    /** Completion data: the prompt is context, the completion and an end token are learned. */
    TokenSequence completion(String prompt, String completion);

    /** Tokens that end a turn or a text: generation stops at any of them. */
    int[] stopTokens();
}
