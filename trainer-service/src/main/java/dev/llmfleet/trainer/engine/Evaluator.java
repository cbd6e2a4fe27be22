package dev.llmfleet.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.chat.TokenSequence;
import dev.llmfleet.model.gpt.LanguageModelLoss;
import java.util.List;

/** Mean loss per learned token over the validation split, without touching gradients. */
final class Evaluator {

    private final CausalLanguageModel model;
    private final List<TokenSequence> validation;
    private final int batchSize;
    private final int padId;

    Evaluator(CausalLanguageModel model, List<TokenSequence> validation, int batchSize, int padId) {
        this.model = model;
        this.validation = validation;
        this.batchSize = batchSize;
        this.padId = padId;
    }

    boolean hasData() {
        return !validation.isEmpty();
    }

    double loss() {
        double weighted = 0;
        double learned = 0;
        for (int from = 0; from < validation.size(); from += batchSize) {
            PaddedBatch batch =
                    PaddedBatch.of(validation.subList(from, Math.min(validation.size(), from + batchSize)), padId);
            try (NDManager scope = model.manager().newSubManager()) {
                NDArray logits = model.forward(batch.inputs(scope), null);
                NDArray mask = batch.mask(scope);
                float count = mask.sum().getFloat();
                weighted += LanguageModelLoss.maskedCrossEntropy(logits, batch.targets(scope), mask)
                                .getFloat()
                        * count;
                learned += count;
            }
        }
        return learned == 0 ? 0 : weighted / learned;
    }
}
