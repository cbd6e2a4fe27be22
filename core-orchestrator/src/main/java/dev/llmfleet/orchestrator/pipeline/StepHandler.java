package dev.llmfleet.orchestrator.pipeline;

/**
 * The work of one pipeline step. {@link #advance} is idempotent: it looks at what is already
 * persisted (a candidate, an evaluation, a version, a deployment) before it makes anything, so it
 * can be run again after any failure or restart. It throws the coordinator's exception when a call
 * fails and {@link StepFailedException} when the run cannot go on.
 */
interface StepHandler {

    PipelineStep step();

    void advance(PipelineRun run);
}
