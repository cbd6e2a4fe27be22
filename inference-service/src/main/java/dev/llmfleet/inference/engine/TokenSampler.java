package dev.llmfleet.inference.engine;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks the next token from one row of logits: greedy at temperature 0, otherwise the logits are
 * divided by the temperature and sampled from the smallest set whose probability reaches top-p.
 * Same rules as fleet-model's generator; each request owns one, seeded by its {@code seed}.
 */
final class TokenSampler {

    private final SamplingSettings settings;
    private final SplittableRandom random;

    TokenSampler(SamplingSettings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
    }

    int next(float[] logits, int offset, int vocab) {
        if (settings.temperature() == 0) {
            return argmax(logits, offset, vocab);
        }
        double max = logits[offset + argmax(logits, offset, vocab)];
        double[] probabilities = new double[vocab];
        double sum = 0;
        for (int i = 0; i < vocab; i++) {
            probabilities[i] = Math.exp((logits[offset + i] - max) / settings.temperature());
            sum += probabilities[i];
        }
        long[] order = sortedByProbability(probabilities, sum);
        double cumulative = 0;
        int keep = 0;
        while (keep < vocab && cumulative < settings.topP()) {
            cumulative += probabilities[index(order[keep])] / sum;
            keep++;
        }
        double draw = random.nextDouble() * cumulative;
        for (int i = 0; i < keep; i++) {
            draw -= probabilities[index(order[i])] / sum;
            if (draw <= 0) {
                return index(order[i]);
            }
        }
        return index(order[keep - 1]);
    }

    // Probability in the high bits (descending once negated), token id in the low bits: one primitive sort.
    private static long[] sortedByProbability(double[] probabilities, double sum) {
        long[] keys = new long[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            long scaled = (long) ((1 - probabilities[i] / sum) * (1L << 40));
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
