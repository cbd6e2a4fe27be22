package dev.llmfleet.orchestrator.pipeline;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Turns the closed loop every {@code fleet.orchestrator.pipeline.interval}; off with {@code enabled=false}. */
@Component
@ConditionalOnProperty(name = "fleet.orchestrator.pipeline.enabled", havingValue = "true", matchIfMissing = true)
class PipelineLoop {

    private final PipelineCycle cycle;

    PipelineLoop(PipelineCycle cycle) {
        this.cycle = cycle;
    }

    @Scheduled(
            fixedDelayString = "${fleet.orchestrator.pipeline.interval:5s}",
            initialDelayString = "${fleet.orchestrator.pipeline.interval:5s}")
    void turn() {
        cycle.runOnce();
    }
}
