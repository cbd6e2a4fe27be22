package dev.llmfleet.scheduler.vram;

import dev.llmfleet.api.scheduler.Optimizer;
import dev.llmfleet.api.scheduler.VramEstimateRequest;

/**
 * The uncorrected VRAM need of a run, from its shape.
 *
 * <ul>
 *   <li>weights: parameters × bytes of the precision;
 *   <li>training: gradients (trainable × precision), fp32 master weights under 16-bit mixed
 *       precision (trainable × 4), optimizer state (trainable × the optimizer's bytes);
 *   <li>activations when training: 34 bytes per token, layer and hidden unit at 16 bits, the
 *       count of Korthikanti et al. ("Reducing Activation Recomputation in Large Transformer
 *       Models", 2022) without its attention-score term, which memory-efficient attention avoids;
 *   <li>without an optimizer (evaluation, generation): the KV cache, 2 × hidden per token and layer;
 *   <li>a fixed overhead for the CUDA context and the allocator.
 * </ul>
 *
 * When the shape is unknown it is derived from the parameter count as a GPT-like transformer:
 * {@code P ≈ 12·L·h²} with {@code L ≈ h/128}.
 */
record VramFormula(long weightsBytes, long gradientsBytes, long optimizerBytes, long activationsBytes) {

    private static final double MIB = 1024.0 * 1024.0;

    static VramFormula of(VramEstimateRequest run) {
        long parameters = run.parameters();
        int bytes = run.precision().bytes();
        boolean training = run.optimizer() != Optimizer.NONE;
        long trainable = !training
                ? 0
                : run.trainableParameters() == null ? parameters : Math.min(run.trainableParameters(), parameters);
        Shape shape = Shape.of(parameters, run.layers(), run.hiddenSize());
        long tokens = (long) run.batchSize() * run.sequenceLength();

        long weights = parameters * bytes;
        long gradients = trainable * bytes;
        long masterWeights = training && bytes < 4 && run.optimizer() != Optimizer.SGD ? trainable * 4 : 0;
        long optimizerState = trainable * run.optimizer().stateBytesPerParameter() + masterWeights;
        double perTokenAndLayer = training ? 17.0 * shape.hidden() * bytes : 2.0 * shape.hidden() * bytes;
        long activations = (long) Math.ceil(perTokenAndLayer * tokens * shape.layers());
        return new VramFormula(weights, gradients, optimizerState, activations);
    }

    long weightsMb() {
        return mib(weightsBytes);
    }

    long gradientsMb() {
        return mib(gradientsBytes);
    }

    long optimizerMb() {
        return mib(optimizerBytes);
    }

    long activationsMb() {
        return mib(activationsBytes);
    }

    long totalMb(long overheadMb) {
        return weightsMb() + gradientsMb() + optimizerMb() + activationsMb() + overheadMb;
    }

    private static long mib(long bytes) {
        return (long) Math.ceil(bytes / MIB);
    }

    record Shape(int layers, int hidden) {

        static Shape of(long parameters, Integer layers, Integer hidden) {
            if (layers != null && hidden != null) {
                return new Shape(layers, hidden);
            }
            if (layers != null) {
                return new Shape(layers, atLeastOne(Math.sqrt(parameters / (12.0 * layers))));
            }
            if (hidden != null) {
                return new Shape(atLeastOne(parameters / (12.0 * hidden * hidden)), hidden);
            }
            int derivedHidden = atLeastOne(Math.cbrt(parameters * 128.0 / 12.0));
            return new Shape(atLeastOne(derivedHidden / 128.0), derivedHidden);
        }

        private static int atLeastOne(double value) {
            return (int) Math.max(1, Math.round(value));
        }
    }
}
