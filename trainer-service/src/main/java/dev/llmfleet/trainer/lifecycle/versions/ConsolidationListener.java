package dev.llmfleet.trainer.lifecycle.versions;

import dev.llmfleet.api.lifecycle.ConsolidationStep;

/**
 * Told when each consolidation step has done its work; a listener that throws fails that step,
 * which rolls the consolidation back like any other failure (metrics, audit, fault injection).
 */
public interface ConsolidationListener {

    void stepCompleted(ConsolidationStep step, String version);
}
