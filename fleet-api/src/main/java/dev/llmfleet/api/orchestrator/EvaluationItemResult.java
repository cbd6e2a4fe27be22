package dev.llmfleet.api.orchestrator;

/**
 * The checkpoint's answer to one suite question.
 *
 * @param index the question's place in {@link EvaluationSpec#items()}
 * @param generated the answer it generated greedily, as text, trimmed
 * @param answerLoss the mean cross-entropy of the right answer's tokens given the prompt
 */
public record EvaluationItemResult(int index, String generated, double answerLoss) {}
