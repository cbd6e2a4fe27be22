package dev.llmfleet.orchestrator.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code fleet.orchestrator.pipeline.runs} (runs per step), {@code fleet.orchestrator.evaluations}
 * (evaluations that ended, by outcome) and {@code fleet.orchestrator.candidates.best.score}. The
 * gauges read the database when scraped, so they are right after a restart and when the loop is off.
 */
@Component
class PipelineMetrics {

    private final MeterRegistry registry;

    PipelineMetrics(MeterRegistry registry, PipelineRunRepository runs, CandidateRanking ranking) {
        this.registry = registry;
        for (PipelineStep step : PipelineStep.values()) {
            Gauge.builder("fleet.orchestrator.pipeline.runs", runs, r -> r.countByStep(step))
                    .description("Pipeline runs at each step")
                    .tag("step", step.name())
                    .register(registry);
        }
        Gauge.builder(
                        "fleet.orchestrator.candidates.best.score",
                        ranking,
                        r -> r.bestScore().orElse(Double.NaN))
                .description("The best composite score of any evaluated candidate")
                .register(registry);
        counter("reported");
        counter("failed");
    }

    /** Counts an evaluation that ended: {@code reported} or {@code failed}. */
    void evaluated(String outcome) {
        counter(outcome).increment();
    }

    private Counter counter(String outcome) {
        return Counter.builder("fleet.orchestrator.evaluations")
                .description("Evaluations that ended, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
