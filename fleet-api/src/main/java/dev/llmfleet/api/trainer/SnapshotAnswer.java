package dev.llmfleet.api.trainer;

/**
 * The model's answer to one fixed prompt at one step.
 *
 * @param index the prompt's place in the dataset's fixed set, stable across steps
 * @param loss the mean loss per answer token of the expected answer
 */
public record SnapshotAnswer(int index, String prompt, String expected, String answer, boolean correct, double loss) {}
