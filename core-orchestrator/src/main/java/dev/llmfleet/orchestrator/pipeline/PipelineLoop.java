package dev.llmfleet.orchestrator.pipeline;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns the closed loop every {@code fleet.orchestrator.pipeline.interval}; off with {@code enabled=false}.
 *
 * <p>Fixed rate, not fixed delay: with virtual threads Spring runs every fixed-delay task of the
 * application on its one scheduler thread, so a turn waiting on a slow service would hold up the
 * registry's sweeps. Fixed-rate turns run on their own thread; the guard keeps them from overlapping.
 */
@Component
@ConditionalOnProperty(name = "fleet.orchestrator.pipeline.enabled", havingValue = "true", matchIfMissing = true)
class PipelineLoop {

    private final PipelineCycle cycle;
    private final AtomicBoolean turning = new AtomicBoolean();

    PipelineLoop(PipelineCycle cycle) {
        this.cycle = cycle;
    }

    @Scheduled(
            fixedRateString = "${fleet.orchestrator.pipeline.interval:5s}",
            initialDelayString = "${fleet.orchestrator.pipeline.interval:5s}")
    void turn() {
        if (!turning.compareAndSet(false, true)) {
            return; // the previous turn is still waiting on the fleet
        }
        try {
            cycle.runOnce();
        } finally {
            turning.set(false);
        }
    }
}
