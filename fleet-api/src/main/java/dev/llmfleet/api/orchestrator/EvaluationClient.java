package dev.llmfleet.api.orchestrator;

import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The orchestrator's side of evaluation jobs: a worker that leases a job whose payload is
 * {@code evaluation:<id>} fetches the spec, answers it and posts the report.
 */
@HttpExchange("/api/orchestrator/evaluations")
public interface EvaluationClient {

    /** The payload prefix of evaluation jobs. */
    String PAYLOAD_PREFIX = "evaluation:";

    @GetExchange("/{id}/spec")
    EvaluationSpec spec(@PathVariable UUID id);

    @PostExchange("/{id}/report")
    void report(@PathVariable UUID id, @RequestBody EvaluationReport report);
}
