package dev.llmfleet.inference.engine;

import dev.llmfleet.model.chat.ChatMessage;
import java.util.List;

/** What the model continues: a conversation (through the chat template) or plain text. */
public sealed interface PromptInput {

    record Chat(List<ChatMessage> messages) implements PromptInput {
        public Chat {
            messages = List.copyOf(messages);
        }
    }

    record Text(String text) implements PromptInput {}
}
