package dev.llmfleet.orchestrator.pipeline;

/** The run cannot go on: it ends FAILED with this reason. */
class StepFailedException extends RuntimeException {

    StepFailedException(String reason) {
        super(reason);
    }
}
