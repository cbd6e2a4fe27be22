package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.orchestrator.OrchestratorProperties;
import dev.llmfleet.orchestrator.coordinator.CoordinatorException;
import dev.llmfleet.orchestrator.decision.DecisionLog;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves every due run on, as far as it can go in one pass. A call that may work later (the other
 * service down, slow, its breaker open) leaves the run at its step with the error and a back-off; a
 * call refused for good, or a step that cannot go on, ends the run FAILED with the reason. One run's
 * trouble never stops the others.
 */
@Service
class PipelineRunner {

    private static final Log log = LogFactory.getLog(PipelineRunner.class);
    /** More moves than the steps there are: a run that keeps moving in one pass is a bug. */
    private static final int MAX_MOVES = PipelineStep.values().length;

    private final PipelineRunRepository runs;
    private final Map<PipelineStep, StepHandler> handlers = new EnumMap<>(PipelineStep.class);
    private final DecisionLog decisions;
    private final TransactionTemplate tx;
    private final OrchestratorProperties.Pipeline settings;
    private final Clock clock;

    PipelineRunner(
            PipelineRunRepository runs,
            List<StepHandler> steps,
            DecisionLog decisions,
            TransactionTemplate tx,
            OrchestratorProperties properties,
            Clock clock) {
        this.runs = runs;
        steps.forEach(handler -> handlers.put(handler.step(), handler));
        this.decisions = decisions;
        this.tx = tx;
        this.settings = properties.pipeline();
        this.clock = clock;
    }

    /** One pass over the runs still in the pipeline, oldest first. */
    void advanceAll() {
        for (PipelineRun run : runs.findByStepInOrderByCreatedAtAsc(PipelineStep.ACTIVE)) {
            if (run.isDue(clock.instant())) {
                advance(run.id());
            }
        }
    }

    void advance(UUID id) {
        for (int moves = 0; moves < MAX_MOVES; moves++) {
            PipelineRun run = runs.findById(id).orElseThrow();
            if (!run.isDue(clock.instant())) {
                return;
            }
            PipelineStep before = run.step();
            if (!tryStep(run)) {
                return;
            }
            PipelineRun after = runs.findById(id).orElseThrow();
            if (after.step() == before) {
                if (after.attempts() > 0) {
                    update(id, r -> r.recovered(clock.instant()));
                }
                return; // waiting for something outside: the job, a report, a deployment
            }
        }
    }

    /** Runs the step once; false when it failed (the run then waits or has ended). */
    private boolean tryStep(PipelineRun run) {
        try {
            handlers.get(run.step()).advance(run);
            return true;
        } catch (CoordinatorException e) {
            if (e.retriable()) {
                retryLater(run.id(), e.getMessage());
            } else {
                fail(run.id(), e.getMessage());
            }
        } catch (StepFailedException e) {
            fail(run.id(), e.getMessage());
        } catch (RuntimeException e) {
            // A lost race (another writer saved first) or a bug: keep the step, look again later.
            log.warn("Pipeline run " + run.id() + " at " + run.step() + " failed unexpectedly", e);
            retryLater(run.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return false;
    }

    private void update(UUID id, Consumer<PipelineRun> change) {
        tx.executeWithoutResult(status -> {
            PipelineRun run = runs.findById(id).orElseThrow();
            change.accept(run);
            runs.save(run);
        });
    }

    private void retryLater(UUID id, String error) {
        update(id, run -> run.retryLater(error, clock.instant(), settings.retryBackoff(), settings.maxBackoff()));
        log.info("Pipeline run " + id + " waits before its next try: " + error);
    }

    private void fail(UUID id, String reason) {
        tx.executeWithoutResult(status -> {
            PipelineRun run = runs.findById(id).orElseThrow();
            PipelineStep at = run.step();
            run.fail(reason, clock.instant());
            runs.save(run);
            decisions.record(
                    "FAIL",
                    "run/" + id,
                    "failed at " + at,
                    List.of(reason, "dataset " + (run.datasetName() != null ? run.datasetName() : run.dataset())),
                    Verdicts.ACTOR);
        });
    }
}
