package dev.llmfleet.trainer.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.Scalar;
import dev.llmfleet.model.gpt.LanguageModelLoss;
import java.util.List;

/** One optimizer update: forward and backward over each accumulated batch, clip, AdamW. */
final class TrainingStep {

    record Outcome(double loss, double gradientNorm, int tokens) {}

    private final CausalLanguageModel model;
    private final AdamW optimizer;
    private final double clipNorm;

    TrainingStep(CausalLanguageModel model, AdamW optimizer, double clipNorm) {
        this.model = model;
        this.optimizer = optimizer;
        this.clipNorm = clipNorm;
    }

    Outcome run(List<PaddedBatch> batches, double learningRate) {
        double lossSum = 0;
        int tokens = 0;
        for (PaddedBatch batch : batches) {
            lossSum += accumulate(batch, batches.size());
            tokens += batch.tokens();
        }
        double norm = gradientNorm();
        double scale = clipNorm > 0 && norm > clipNorm ? clipNorm / (norm + 1e-6) : 1.0;
        optimizer.step(learningRate, scale);
        return new Outcome(lossSum / batches.size(), norm, tokens);
    }

    /** Adds this batch's gradients (scaled so the accumulated sum is a mean) and returns its loss. */
    private double accumulate(PaddedBatch batch, int batchesPerStep) {
        try (NDManager scope = model.manager().newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray logits = model.forward(batch.inputs(scope), null);
            NDArray loss = LanguageModelLoss.maskedCrossEntropy(logits, batch.targets(scope), batch.mask(scope));
            collector.backward(Scalar.dividedBy(loss, batchesPerStep));
            return loss.getFloat();
        }
    }

    private double gradientNorm() {
        double squares = 0;
        for (NDArray parameter : model.parameters().asMap().values()) {
            try (NDManager scope = model.manager().newSubManager()) {
                NDArray gradient = parameter.getGradient();
                gradient.attach(scope);
                squares += gradient.square().sum().getFloat();
            }
        }
        return Math.sqrt(squares);
    }
}
