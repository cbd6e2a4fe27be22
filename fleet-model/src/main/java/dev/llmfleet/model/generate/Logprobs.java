package dev.llmfleet.model.generate;

import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Log-softmax of one row of logits, for the chosen token and the most likely alternatives. */
final class Logprobs {

    private Logprobs() {}

    static TokenLogprob of(
            float[] logits, int offset, int vocab, int chosen, int alternatives, FleetTokenizer tokenizer) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vocab; i++) {
            max = Math.max(max, logits[offset + i]);
        }
        double sum = 0;
        for (int i = 0; i < vocab; i++) {
            sum += Math.exp(logits[offset + i] - max);
        }
        double logNormaliser = max + Math.log(sum);
        List<TokenLogprob.Candidate> top = new ArrayList<>();
        for (int id : largest(logits, offset, vocab, alternatives)) {
            top.add(candidate(id, logits[offset + id] - logNormaliser, tokenizer));
        }
        return new TokenLogprob(candidate(chosen, logits[offset + chosen] - logNormaliser, tokenizer), top);
    }

    private static TokenLogprob.Candidate candidate(int id, double logprob, FleetTokenizer tokenizer) {
        byte[] bytes = tokenizer.bytesOf(id);
        return new TokenLogprob.Candidate(id, new String(bytes, StandardCharsets.UTF_8), bytes, logprob);
    }

    /** The ids of the {@code count} largest logits, largest first (ties to the lower id). */
    static int[] largest(float[] logits, int offset, int vocab, int count) {
        int[] best = new int[Math.min(count, vocab)];
        int size = 0;
        for (int i = 0; i < vocab; i++) {
            float value = logits[offset + i];
            if (size == best.length && (size == 0 || value <= logits[offset + best[size - 1]])) {
                continue;
            }
            int at = size < best.length ? size++ : size - 1;
            while (at > 0 && logits[offset + best[at - 1]] < value) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = i;
        }
        return best;
    }
}
