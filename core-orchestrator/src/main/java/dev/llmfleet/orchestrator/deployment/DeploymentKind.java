package dev.llmfleet.orchestrator.deployment;

/** Why a deployment exists: a version going forward, or an operator's step back to an earlier one. */
enum DeploymentKind {
    DEPLOY,
    ROLLBACK
}
