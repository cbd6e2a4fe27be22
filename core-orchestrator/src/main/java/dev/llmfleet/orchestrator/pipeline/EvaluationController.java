package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.orchestrator.EvaluationReport;
import dev.llmfleet.api.orchestrator.EvaluationSpec;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The side of evaluation jobs their workers call (see {@code EvaluationClient}). */
@RestController
@RequestMapping("/api/orchestrator/evaluations")
class EvaluationController {

    private final EvaluationReports reports;

    EvaluationController(EvaluationReports reports) {
        this.reports = reports;
    }

    @GetMapping("/{id}/spec")
    EvaluationSpec spec(@PathVariable UUID id) {
        return reports.spec(id);
    }

    @PostMapping("/{id}/report")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void report(@PathVariable UUID id, @Valid @RequestBody EvaluationReport report) {
        reports.report(id, report);
    }
}
