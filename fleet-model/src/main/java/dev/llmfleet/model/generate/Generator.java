package dev.llmfleet.model.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.util.Arrays;

/**
 * Continues one prompt a token at a time through a {@link Continuation}, the decoding rules every
 * generation shares. With the cache each step feeds only the newest token; without it each step
 * re-reads the whole sequence (kept to prove both agree).
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
        Continuation continuation = new Continuation(tokenizer, stopTokens, params, budget);
        int[] sequence = Arrays.copyOf(prompt, prompt.length + Math.max(budget, 0));
        int length = prompt.length;
        try (NDManager scope = model.manager().newSubManager();
                var cache = useCache ? model.newCache(scope, 1) : null) {
            int fed = 0;
            while (!continuation.isFinished()) {
                int from = useCache ? fed : 0;
                int vocab = model.config().vocabSize();
                float[] logits = lastLogits(scope, Arrays.copyOfRange(sequence, from, length), cache);
                fed = length;
                sequence[length++] = continuation.accept(logits, 0, vocab).token();
            }
        }
        return continuation.result();
    }

    private float[] lastLogits(NDManager scope, int[] tokens, KvCache cache) {
        try (NDManager step = scope.newSubManager()) {
            NDArray input = step.create(tokens, new Shape(1, tokens.length)).toType(DataType.INT64, false);
            NDArray logits = model.forward(input, cache);
            return logits.get(new NDIndex(0, tokens.length - 1)).toFloatArray();
        }
    }
}
