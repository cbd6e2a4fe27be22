package dev.llmfleet.model.chat;

import java.util.Set;

/** One turn of a conversation, as it appears in {@code messages[]} of chat data and the chat API. */
public record ChatMessage(String role, String content) {

    public static final String SYSTEM = "system";
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
    private static final Set<String> ROLES = Set.of(SYSTEM, USER, ASSISTANT);

    public ChatMessage {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "', expected one of " + ROLES);
        }
        if (content == null) {
            throw new IllegalArgumentException("message content is missing");
        }
    }

    public static ChatMessage system(String content) {
        return new ChatMessage(SYSTEM, content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(USER, content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage(ASSISTANT, content);
    }
}
