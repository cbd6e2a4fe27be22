package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.error.FleetException;
import java.util.UUID;

/** A pipeline run or candidate asked to do something its step or state does not allow. */
public class IllegalPipelineStepException extends FleetException {

    private IllegalPipelineStepException(String message) {
        super(Kind.CONFLICT, "illegal-pipeline-step", message);
    }

    static IllegalPipelineStepException cannot(UUID run, PipelineStep step, String what) {
        return new IllegalPipelineStepException("Pipeline run " + run + " is " + step + " and cannot " + what);
    }

    static IllegalPipelineStepException candidate(UUID candidate, CandidateState state, String what) {
        return new IllegalPipelineStepException("Candidate " + candidate + " is " + state + " and cannot " + what);
    }
}
