package dev.llmfleet.orchestrator.pipeline;

/** What became of a candidate checkpoint. */
enum CandidateState {
    /** Its evaluation job has not reported yet. */
    EVALUATING,
    /** Scored and ranked. */
    EVALUATED,
    /** A regression, not better than the deployed model, or its evaluation failed. */
    REJECTED,
    /** Consolidated into a version (and, once deployed and replaced, no longer served). */
    PROMOTED,
    /** The version the fleet serves. */
    DEPLOYED,
    /** Its deployment failed the check and the previous version was put back. */
    ROLLED_BACK
}
