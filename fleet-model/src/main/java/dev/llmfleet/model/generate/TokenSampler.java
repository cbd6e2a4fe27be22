package dev.llmfleet.model.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks the next token from one row of logits: greedy at temperature 0, otherwise temperature, then
 * top-k, then top-p (the order transformers and vLLM apply them), sampled from a generator seeded
 * by the request's seed. Every generation in the fleet picks through this class.
 */
public final class TokenSampler {

    private final GenerationParams params;
    private final SplittableRandom random;

    public TokenSampler(GenerationParams params) {
        this.params = params;
        this.random = new SplittableRandom(params.seed());
    }

    public int next(float[] logits) {
        return next(logits, 0, logits.length);
    }

    /** The token for the row {@code logits[offset, offset + vocab)}. */
    public int next(float[] logits, int offset, int vocab) {
        if (params.isGreedy()) {
            return argmax(logits, offset, vocab);
        }
        double max = logits[offset + argmax(logits, offset, vocab)];
        double[] weights = new double[vocab];
        double sum = 0;
        for (int i = 0; i < vocab; i++) {
            weights[i] = Math.exp((logits[offset + i] - max) / params.temperature());
            sum += weights[i];
        }
        long[] order = byWeight(weights, sum);
        int keep = params.topK() == 0 ? vocab : Math.min(params.topK(), vocab);
        double kept = 0;
        for (int i = 0; i < keep; i++) {
            kept += weights[index(order[i])];
        }
        // Top-p over the renormalised top-k: the smallest prefix whose probability reaches p (at least one).
        double cumulative = 0;
        int nucleus = 0;
        while (nucleus < keep && cumulative < params.topP() * kept) {
            cumulative += weights[index(order[nucleus])];
            nucleus++;
        }
        double draw = random.nextDouble() * cumulative;
        for (int i = 0; i < nucleus; i++) {
            draw -= weights[index(order[i])];
            if (draw <= 0) {
                return index(order[i]);
            }
        }
        return index(order[nucleus - 1]);
    }

    // Probability in the high bits (descending once negated), token id in the low 20 bits: one primitive sort.
    private static long[] byWeight(double[] weights, double sum) {
        long[] keys = new long[weights.length];
        for (int i = 0; i < weights.length; i++) {
            long scaled = (long) ((1 - weights[i] / sum) * (1L << 40));
            keys[i] = (scaled << 20) | i;
        }
        Arrays.sort(keys);
        return keys;
    }

    private static int index(long key) {
        return (int) (key & ((1 << 20) - 1));
    }

    static int argmax(float[] logits, int offset, int vocab) {
        int best = 0;
        for (int i = 1; i < vocab; i++) {
            if (logits[offset + i] > logits[offset + best]) {
                best = i;
            }
        }
        return best;
    }
}
