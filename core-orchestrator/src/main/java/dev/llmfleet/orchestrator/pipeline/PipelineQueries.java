package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.orchestrator.PipelineRunView;
import dev.llmfleet.api.orchestrator.SuiteView;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the pipeline shows: its runs, newest first, and the suites it has asked. */
@Service
public class PipelineQueries {

    private final PipelineRunRepository runs;
    private final SuiteCatalog suites;

    PipelineQueries(PipelineRunRepository runs, SuiteCatalog suites) {
        this.runs = runs;
        this.suites = suites;
    }

    @Transactional(readOnly = true)
    public List<PipelineRunView> runs(int limit) {
        return runs.findByOrderByCreatedAtDesc(PageRequest.of(0, Math.max(1, Math.min(limit, 1000)))).stream()
                .map(PipelineRun::toApi)
                .toList();
    }

    public List<SuiteView> suites() {
        return suites.all();
    }
}
