package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.orchestrator.OrchestratorProperties;

/**
 * The composite score candidates are ranked and judged by (higher is better):
 * {@code wAccuracy * accuracy - wLoss * validationLoss - wGap * max(0, gap)}. Only an over-fitting
 * gap (validation loss above training loss) costs; a model that does better on unseen questions
 * than on its training data is not punished for it.
 */
record Scoring(double accuracyWeight, double lossWeight, double gapWeight) {

    static Scoring of(OrchestratorProperties.Pipeline settings) {
        return new Scoring(settings.accuracyWeight(), settings.lossWeight(), settings.gapWeight());
    }

    double score(double accuracy, double validationLoss, Double gap) {
        double overfit = gap == null ? 0.0 : Math.max(0.0, gap);
        return accuracyWeight * accuracy - lossWeight * validationLoss - gapWeight * overfit;
    }

    /** The gap between validation and training loss, when the training loss is known. */
    static Double gap(double validationLoss, Double trainLoss) {
        return trainLoss == null ? null : validationLoss - trainLoss;
    }
}
