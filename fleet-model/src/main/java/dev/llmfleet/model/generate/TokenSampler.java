package dev.llmfleet.model.generate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Picks the next token from one row of logits: greedy, or temperature with top-k and top-p. */
final class TokenSampler {

    private final GenerationParams params;
    private final SplittableRandom random;

    TokenSampler(GenerationParams params) {
        this.params = params;
        this.random = new SplittableRandom(params.seed());
    }

    int next(float[] logits) {
        if (params.isGreedy()) {
            return argmax(logits);
        }
        Integer[] order = IntStream.range(0, logits.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> logits[i]).reversed());
        int keep = params.topK() == 0 ? logits.length : Math.min(params.topK(), logits.length);
        double[] probabilities = softmax(logits, order, keep);
        keep = nucleus(probabilities, keep);
        double total = 0;
        for (int i = 0; i < keep; i++) {
            total += probabilities[i];
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < keep; i++) {
            draw -= probabilities[i];
            if (draw <= 0) {
                return order[i];
            }
        }
        return order[keep - 1];
    }

    private double[] softmax(float[] logits, Integer[] order, int keep) {
        double max = logits[order[0]];
        double[] probabilities = new double[keep];
        double sum = 0;
        for (int i = 0; i < keep; i++) {
            probabilities[i] = Math.exp((logits[order[i]] - max) / params.temperature());
            sum += probabilities[i];
        }
        for (int i = 0; i < keep; i++) {
            probabilities[i] /= sum;
        }
        return probabilities;
    }

    /** How many of the sorted candidates it takes to reach top-p (at least one). */
    private int nucleus(double[] sortedProbabilities, int keep) {
        double cumulative = 0;
        for (int i = 0; i < keep; i++) {
            cumulative += sortedProbabilities[i];
            if (cumulative >= params.topP()) {
                return i + 1;
            }
        }
        return keep;
    }

    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
