package dev.llmfleet.trainer.validation;

import dev.llmfleet.model.chat.ChatTemplate;
import dev.llmfleet.model.chat.TokenSequence;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import dev.llmfleet.trainer.engine.DatasetFormat;
import dev.llmfleet.trainer.storage.TrainerPaths;
import org.springframework.stereotype.Component;

/**
 * Counts an example's tokens exactly as training will see them: the shipped tokenizer (copied to
 * {@code model/tokenizer.json}, which every run also uses) and the chat template.
 */
@Component
public class TokenCounter implements AutoCloseable {

    private final FleetTokenizer tokenizer;
    private final ChatTemplate template;

    TokenCounter(TrainerPaths paths) {
        this.tokenizer = FleetTokenizer.shipped(paths.tokenizer().getParent());
        this.template = new ChatTemplate(tokenizer);
    }

    public synchronized int count(Example example) {
        return sequence(example).length();
    }

    private TokenSequence sequence(Example example) {
        if (example.spec().format() == DatasetFormat.COMPLETION_V1) {
            return template.completion(example.prompt(), example.answer());
        }
        return template.conversation(example.messages());
    }

    @Override
    public synchronized void close() {
        tokenizer.close();
    }
}
