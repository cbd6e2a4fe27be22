package dev.llmfleet.trainer.engine;

import dev.llmfleet.model.ModelJson;
import dev.llmfleet.model.chat.ChatFormat;
import dev.llmfleet.model.chat.ChatMessage;
import dev.llmfleet.model.chat.TokenSequence;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads a JSON Lines dataset into token sequences with their loss masks, truncated at {@code maxLength}. */
final class JsonlDatasetReader {

    private final ChatFormat template;
    private final DatasetFormat format;
    private final int maxLength;
    private final String systemPrompt;

    /** {@code systemPrompt}, when not null, is put before each conversation that has no system turn. */
    JsonlDatasetReader(ChatFormat template, DatasetFormat format, int maxLength, String systemPrompt) {
        this.template = template;
        this.format = format;
        this.maxLength = maxLength;
        this.systemPrompt = systemPrompt;
    }

    List<TokenSequence> read(Path file) throws IOException {
        List<TokenSequence> sequences = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            int lineNumber = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                if (!line.isBlank()) {
                    sequences.add(parse(line, file, lineNumber).truncate(maxLength));
                }
            }
        }
        return sequences;
    }

    private TokenSequence parse(String line, Path file, int lineNumber) {
        try {
            JsonNode node = ModelJson.MAPPER.readTree(line);
            return switch (format) {
                case CHAT_SFT_V1 -> template.conversation(messages(node));
                case COMPLETION_V1 ->
                    template.completion(
                            node.required("prompt").asString(),
                            node.required("completion").asString());
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private List<ChatMessage> messages(JsonNode node) {
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode message : node.required("messages")) {
            messages.add(new ChatMessage(
                    message.required("role").asString(),
                    message.required("content").asString()));
        }
        if (systemPrompt != null
                && (messages.isEmpty() || !messages.getFirst().role().equals(ChatMessage.SYSTEM))) {
            messages.addFirst(ChatMessage.system(systemPrompt));
        }
        return messages;
    }
}
