package dev.llmfleet.inference.engine;

import dev.llmfleet.model.generate.TokenLogprob;
import java.util.List;

/** What a running generation reports, in order: text deltas, then exactly one {@link Done} or {@link Failed}. */
public sealed interface StreamEvent {

    /** New text, with the logprobs of the tokens that produced it when they were asked for. */
    record Delta(String text, List<TokenLogprob> logprobs) implements StreamEvent {
        public Delta {
            logprobs = List.copyOf(logprobs);
        }
    }

    record Done(GenerationResult result) implements StreamEvent {}

    record Failed(RuntimeException error) implements StreamEvent {}
}
