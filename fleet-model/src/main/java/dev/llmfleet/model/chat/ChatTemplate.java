package dev.llmfleet.model.chat;

import dev.llmfleet.model.tokenizer.FleetTokenizer;
import dev.llmfleet.model.tokenizer.SpecialTokens;
import java.util.List;
import java.util.Map;

/**
 * How messages become tokens: {@code <|bos|>}, then per message its role token, its content and
 * {@code <|end|>}. Only assistant content and its {@code <|end|>} are learned, so the model learns to
 * answer and to stop, while system and user turns are context. A prompt for generation ends with
 * {@code <|assistant|>}; generation stops at {@code <|end|>}. This is the demo GPT's format; Hugging
 * Face models bring their own ({@link HfChatFormat}).
 */
public final class ChatTemplate implements ChatFormat {

    private final FleetTokenizer tokenizer;
    private final int bos;
    private final int eos;
    private final int end;
    private final int system;
    private final int user;
    private final int assistant;

    public ChatTemplate(FleetTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        this.bos = tokenizer.idOf(SpecialTokens.BOS);
        this.eos = tokenizer.idOf(SpecialTokens.EOS);
        this.end = tokenizer.idOf(SpecialTokens.END);
        this.system = tokenizer.idOf(SpecialTokens.SYSTEM);
        this.user = tokenizer.idOf(SpecialTokens.USER);
        this.assistant = tokenizer.idOf(SpecialTokens.ASSISTANT);
    }

    @Override
    public TokenSequence conversation(List<ChatMessage> messages) {
        SequenceBuilder builder = new SequenceBuilder().add(bos, false);
        for (ChatMessage message : messages) {
            boolean learned = message.role().equals(ChatMessage.ASSISTANT);
            builder.add(roleToken(message.role()), false)
                    .add(tokenizer.encode(message.content()), learned)
                    .add(end, learned);
        }
        return builder.build();
    }

    /** The conversation so far followed by {@code <|assistant|>}: what the model continues from (no options). */
    @Override
    public int[] prompt(List<ChatMessage> messages, Map<String, Object> options) {
        return new SequenceBuilder()
                .add(conversation(messages).ids(), false)
                .add(assistant, false)
                .build()
                .ids();
    }

    /** Text to continue: {@code <|bos|>} and the text. */
    @Override
    public int[] text(String text) {
        return new SequenceBuilder()
                .add(bos, false)
                .add(tokenizer.encode(text), false)
                .build()
                .ids();
    }

    /** Plain completion data: the prompt is context, the completion and {@code <|eos|>} are learned. */
    @Override
    public TokenSequence completion(String prompt, String completion) {
        return new SequenceBuilder()
                .add(bos, false)
                .add(tokenizer.encode(prompt), false)
                .add(tokenizer.encode(completion), true)
                .add(eos, true)
                .build();
    }

    /** Tokens that end an assistant turn or a completion. */
    @Override
    public int[] stopTokens() {
        return new int[] {end, eos};
    }

    private int roleToken(String role) {
        return switch (role) {
            case ChatMessage.SYSTEM -> system;
            case ChatMessage.USER -> user;
            default -> assistant;
        };
    }
}
