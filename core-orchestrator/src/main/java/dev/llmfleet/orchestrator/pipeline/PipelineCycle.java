package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.orchestrator.coordinator.CoordinatorException;
import dev.llmfleet.starter.errors.ErrorReporter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * One turn of the closed loop: generate data when the queue runs low, give new training jobs their
 * runs, move every run on. Each part stands alone: an unreachable service is logged and tried on the
 * next turn, anything else is also reported to the error bus; nothing escapes to the scheduler.
 */
@Service
public class PipelineCycle {

    private static final Log log = LogFactory.getLog(PipelineCycle.class);

    private final DataGenerator generator;
    private final JobDiscovery discovery;
    private final PipelineRunner runner;
    private final ObjectProvider<ErrorReporter> errors;

    PipelineCycle(
            DataGenerator generator,
            JobDiscovery discovery,
            PipelineRunner runner,
            ObjectProvider<ErrorReporter> errors) {
        this.generator = generator;
        this.discovery = discovery;
        this.runner = runner;
        this.errors = errors;
    }

    public void runOnce() {
        guarded("generation", generator::generateIfNeeded);
        guarded("discovery", discovery::discover);
        guarded("steps", runner::advanceAll);
    }

    private void guarded(String part, Runnable work) {
        try {
            work.run();
        } catch (CoordinatorException e) {
            log.info("Pipeline " + part + " postponed: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Pipeline " + part + " failed", e);
            errors.ifAvailable(bus -> bus.backgroundFailure(e));
        }
    }
}
