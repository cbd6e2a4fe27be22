package dev.llmfleet.api.trainer;

/**
 * How deep a dataset is checked. Each level includes the ones before it.
 *
 * <ul>
 *   <li>{@code QUICK}: encoding, JSON, the spec's schema, sizes;
 *   <li>{@code STANDARD}: empty and duplicate examples, role order, token length against {@code max_length};
 *   <li>{@code DEEP}: answer leakage into the prompt, overlap between the training and validation split.
 * </ul>
 */
public enum ValidationLevel {
    QUICK,
    STANDARD,
    DEEP;

    public boolean includes(ValidationLevel other) {
        return compareTo(other) >= 0;
    }
}
