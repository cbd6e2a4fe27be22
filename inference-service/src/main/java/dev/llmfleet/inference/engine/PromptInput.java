package dev.llmfleet.inference.engine;

import dev.llmfleet.model.chat.ChatMessage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the model continues: a conversation (through the model's chat template) or plain text. */
public sealed interface PromptInput {

    /** A conversation; {@code templateOptions} are the chat template's own switches ({@code enable_thinking}, ...). */
    record Chat(List<ChatMessage> messages, Map<String, Object> templateOptions) implements PromptInput {
        public Chat {
            messages = List.copyOf(messages);
            templateOptions = templateOptions == null
                    ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(templateOptions));
        }

        public Chat(List<ChatMessage> messages) {
            this(messages, Map.of());
        }
    }

    record Text(String text) implements PromptInput {}
}
