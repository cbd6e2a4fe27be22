package dev.llmfleet.orchestrator.decision;

import dev.llmfleet.api.orchestrator.DecisionView;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orchestrator/decisions")
class DecisionController {

    private final DecisionLog decisions;

    DecisionController(DecisionLog decisions) {
        this.decisions = decisions;
    }

    @GetMapping
    List<DecisionView> decisions(
            @RequestParam(required = false) String kind, @RequestParam(defaultValue = "100") int limit) {
        return decisions.recent(kind, limit);
    }
}
