package dev.llmfleet.trainer.validation;

import dev.llmfleet.model.chat.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One parsed line. Completion data is held as a user turn (the prompt) and an assistant turn (the
 * completion), so that every check reads both specs the same way.
 */
public record Example(long line, DatasetSpec spec, List<Turn> turns) {

    public Example {
        turns = List.copyOf(turns);
    }

    /** Everything the model reads before the last answer: system and user turns and earlier answers. */
    public String prompt() {
        return turns.subList(0, Math.max(0, lastAnswerIndex())).stream()
                .map(Turn::content)
                .collect(Collectors.joining("\n"));
    }

    /** The last assistant turn: what the model must produce. */
    public String answer() {
        int last = lastAnswerIndex();
        return last < 0 ? "" : turns.get(last).content();
    }

    /** The turns before the last answer, as chat messages (the roles are known to be valid by then). */
    public List<ChatMessage> promptMessages() {
        List<ChatMessage> messages = new ArrayList<>();
        for (Turn turn : turns.subList(0, Math.max(0, lastAnswerIndex()))) {
            messages.add(new ChatMessage(turn.role(), turn.content()));
        }
        return messages;
    }

    public List<ChatMessage> messages() {
        return turns.stream().map(t -> new ChatMessage(t.role(), t.content())).toList();
    }

    /** The text that identifies the example for duplicate detection. */
    String canonical() {
        return turns.stream()
                .map(t -> t.role() + "\u0000" + t.content().strip())
                .collect(Collectors.joining("\u0001"));
    }

    private int lastAnswerIndex() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).isAssistant()) {
                return i;
            }
        }
        return -1;
    }
}
