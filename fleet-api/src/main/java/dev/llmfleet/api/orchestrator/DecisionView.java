package dev.llmfleet.api.orchestrator;

import java.time.Instant;
import java.util.List;

/**
 * A decision the orchestrator (or an operator through it) took, with its reasons.
 *
 * @param kind GENERATE, EVALUATE, REJECT, REGRESSION, PROMOTE, DEPLOY, ROLLBACK, RECONCILE, ADVANCE
 * @param subject what it is about: a candidate id, a version, a host
 * @param outcome what came of it, e.g. {@code deployed v003} or {@code kept v002}
 * @param actor {@code orchestrator} or the operator's name
 */
public record DecisionView(
        long id, String kind, String subject, String outcome, List<String> reasons, String actor, Instant at) {

    public DecisionView {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
