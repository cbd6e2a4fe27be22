package dev.llmfleet.orchestrator.twin;

import dev.llmfleet.api.orchestrator.CandidateView;
import java.util.Optional;

/** Where the twin reads the newest evaluated candidate from (the pipeline). */
public interface CandidateSource {

    Optional<CandidateView> latest();
}
