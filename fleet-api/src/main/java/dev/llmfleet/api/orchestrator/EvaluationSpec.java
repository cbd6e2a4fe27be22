package dev.llmfleet.api.orchestrator;

import java.util.List;
import java.util.UUID;

/**
 * What an evaluation job asks its worker to do: answer every suite question with the checkpoint,
 * greedily, and measure the loss of the right answers.
 *
 * @param id the evaluation; its job's payload is {@code evaluation:<id>}
 * @param checkpoint the checkpoint folder on the training host, relative to the trainer's data
 *     folder (the form {@code ConsolidateRequest#sourceCheckpoint} takes)
 * @param suites the suites asked, as {@code <skill>/<level>@<version>}
 * @param items the questions, in a fixed order
 * @param maxNewTokens the longest answer generated
 */
public record EvaluationSpec(UUID id, String checkpoint, List<String> suites, List<SuiteItem> items, int maxNewTokens) {

    public EvaluationSpec {
        suites = suites == null ? List.of() : List.copyOf(suites);
        items = items == null ? List.of() : List.copyOf(items);
    }
}
