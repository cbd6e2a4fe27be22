package dev.llmfleet.api.orchestrator;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A trained checkpoint the orchestrator evaluated, ranked and judged.
 *
 * @param checkpoint the checkpoint folder on the training host
 * @param jobId the training job that made it
 * @param dataset SHA-256 of the dataset it trained on
 * @param accuracy the share of suite questions answered exactly
 * @param accuracyBySkillLevel accuracy per {@code <skill>/<level>}
 * @param validationLoss the mean answer loss over the suite
 * @param gap validation loss minus training loss
 * @param score the composite score the ranking sorts by (higher is better)
 * @param rank 1 for the best candidate so far
 * @param regression its validation loss is worse than the best so far by more than the threshold
 * @param state EVALUATING, EVALUATED, REJECTED, PROMOTED, DEPLOYED, ROLLED_BACK
 * @param version the version it became, once promoted
 */
public record CandidateView(
        UUID id,
        String checkpoint,
        UUID jobId,
        String dataset,
        long step,
        Double accuracy,
        Map<String, Double> accuracyBySkillLevel,
        Double validationLoss,
        Double trainLoss,
        Double gap,
        Double score,
        Integer rank,
        boolean regression,
        String state,
        String version,
        Instant createdAt) {

    public CandidateView {
        accuracyBySkillLevel = accuracyBySkillLevel == null ? Map.of() : Map.copyOf(accuracyBySkillLevel);
    }
}
