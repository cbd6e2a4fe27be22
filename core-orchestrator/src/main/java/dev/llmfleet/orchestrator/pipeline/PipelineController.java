package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.orchestrator.CandidateView;
import dev.llmfleet.api.orchestrator.DecisionView;
import dev.llmfleet.api.orchestrator.PipelineRunView;
import dev.llmfleet.api.orchestrator.PromoteRequest;
import dev.llmfleet.api.orchestrator.SuiteView;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orchestrator")
class PipelineController {

    private final PipelineQueries queries;
    private final CandidateRanking ranking;
    private final Promotions promotions;

    PipelineController(PipelineQueries queries, CandidateRanking ranking, Promotions promotions) {
        this.queries = queries;
        this.ranking = ranking;
        this.promotions = promotions;
    }

    @GetMapping("/pipeline")
    List<PipelineRunView> pipeline(@RequestParam(defaultValue = "100") int limit) {
        return queries.runs(limit);
    }

    @GetMapping("/candidates")
    List<CandidateView> candidates() {
        return ranking.ranked();
    }

    @GetMapping("/candidates/{id}")
    CandidateView candidate(@PathVariable UUID id) {
        return ranking.candidate(id);
    }

    /** The operator is the caller's principal (the JWT subject or API key name). */
    @PostMapping("/promotions")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DecisionView promote(@Valid @RequestBody PromoteRequest request, Principal caller) {
        return promotions.promote(request, caller == null ? "anonymous" : caller.getName());
    }

    @GetMapping("/suites")
    List<SuiteView> suites() {
        return queries.suites();
    }
}
