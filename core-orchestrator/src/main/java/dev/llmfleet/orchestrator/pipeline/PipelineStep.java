package dev.llmfleet.orchestrator.pipeline;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a training job stands in the closed loop.
 *
 * <pre>
 * TRAINING ──job COMPLETED──► EVALUATING ──report──► JUDGING ──beats the deployed one──► PROMOTING
 *    │                             │                    ├─does not─► DONE                  │
 *    └─job FAILED/CANCELLED─► FAILED ◄─eval failed      └─regression─► REJECTED             ▼
 *                                                                   DONE ◄─ended── DEPLOYING
 * JUDGING, DONE, REJECTED, FAILED ──promoted by an operator──► PROMOTING
 * </pre>
 */
enum PipelineStep {
    TRAINING,
    EVALUATING,
    JUDGING,
    PROMOTING,
    DEPLOYING,
    DONE,
    REJECTED,
    FAILED;

    /** The steps the loop still drives. */
    static final Set<PipelineStep> ACTIVE = EnumSet.of(TRAINING, EVALUATING, JUDGING, PROMOTING, DEPLOYING);

    boolean isActive() {
        return ACTIVE.contains(this);
    }
}
