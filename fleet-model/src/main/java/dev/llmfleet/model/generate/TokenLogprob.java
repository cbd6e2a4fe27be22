package dev.llmfleet.model.generate;

import java.util.List;

/**
 * The log-probability the model gave a generated token, and its most likely alternatives at that
 * step, under the model's own distribution (before temperature, top-k or top-p).
 */
public record TokenLogprob(Candidate chosen, List<Candidate> top) {

    /** A token, its text and bytes (a byte-level token may hold part of a character) and its log-probability. */
    public record Candidate(int token, String text, byte[] bytes, double logprob) {}

    public TokenLogprob {
        top = List.copyOf(top);
    }
}
