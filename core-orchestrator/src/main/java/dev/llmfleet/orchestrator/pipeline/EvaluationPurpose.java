package dev.llmfleet.orchestrator.pipeline;

/** Why a checkpoint is evaluated. */
enum EvaluationPurpose {
    /** A new candidate's own evaluation: it scores and ranks the candidate and feeds the curriculum. */
    CANDIDATE,
    /** The deployed model asked the suites a candidate was asked, so the two are judged alike. */
    BASELINE
}
