package dev.llmfleet.model.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.util.Arrays;

/**
 * Continues a prompt one token at a time. With the cache each step feeds only the newest token;
 * without it each step re-reads the whole sequence (kept to prove both agree).
 */
public final class Generator {

    private final CausalLanguageModel model;
    private final FleetTokenizer tokenizer;
    private final int[] stopTokens;

    public Generator(CausalLanguageModel model, FleetTokenizer tokenizer, int... stopTokens) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.stopTokens = stopTokens.clone();
    }

    public Generation generate(int[] prompt, GenerationParams params) {
        return generate(prompt, params, true);
    }

    public Generation generate(int[] prompt, GenerationParams params, boolean useCache) {
        int budget = Math.min(params.maxTokens(), model.config().contextLength() - prompt.length);
        TokenSampler sampler = new TokenSampler(params);
        int[] sequence = Arrays.copyOf(prompt, prompt.length + Math.max(budget, 0));
        int produced = 0;
        try (NDManager scope = model.manager().newSubManager();
                KvCache cache = useCache ? model.newCache(scope, 1) : null) {
            int fed = 0;
            while (produced < budget) {
                int from = useCache ? fed : 0;
                int next = sampler.next(
                        lastLogits(scope, Arrays.copyOfRange(sequence, from, prompt.length + produced), cache));
                fed = prompt.length + produced;
                sequence[fed] = next;
                produced++;
                if (isStopToken(next)) {
                    return finish(sequence, prompt.length, produced - 1, Generation.FinishReason.STOP);
                }
                String text = tokenizer.decode(Arrays.copyOfRange(sequence, prompt.length, prompt.length + produced));
                int stopAt = stopSequenceIndex(text, params);
                if (stopAt >= 0) {
                    int[] tokens = Arrays.copyOfRange(sequence, prompt.length, prompt.length + produced);
                    return new Generation(tokens, text.substring(0, stopAt), Generation.FinishReason.STOP);
                }
            }
        }
        return finish(sequence, prompt.length, produced, Generation.FinishReason.LENGTH);
    }

    private float[] lastLogits(NDManager scope, int[] tokens, KvCache cache) {
        try (NDManager step = scope.newSubManager()) {
            NDArray input =
                    step.create(tokens, new Shape(1, tokens.length)).toType(ai.djl.ndarray.types.DataType.INT64, false);
            NDArray logits = model.forward(input, cache);
            return logits.get(new NDIndex(0, tokens.length - 1)).toFloatArray();
        }
    }

    private Generation finish(int[] sequence, int start, int count, Generation.FinishReason reason) {
        int[] tokens = Arrays.copyOfRange(sequence, start, start + count);
        return new Generation(tokens, tokenizer.decode(tokens), reason);
    }

    private boolean isStopToken(int token) {
        for (int stop : stopTokens) {
            if (stop == token) {
                return true;
            }
        }
        return false;
    }

    private static int stopSequenceIndex(String text, GenerationParams params) {
        for (String stop : params.stopSequences()) {
            int index = text.indexOf(stop);
            if (index >= 0) {
                return index;
            }
        }
        return -1;
    }
}
