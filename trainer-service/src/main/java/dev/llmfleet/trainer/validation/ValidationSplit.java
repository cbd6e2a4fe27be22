package dev.llmfleet.trainer.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which examples the engine holds out for validation: the same seeded shuffle it applies to its
 * examples, applied to their indexes, so DEEP validation and the snapshots see the engine's split.
 */
public final class ValidationSplit {

    private ValidationSplit() {}

    /** The 0-based indexes of the validation examples among {@code size}, in the engine's order. */
    public static List<Integer> validationIndexes(int size, double fraction, long seed) {
        List<Integer> shuffled = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            shuffled.add(i);
        }
        Collections.shuffle(shuffled, new Random(seed));
        int validationSize = (int) Math.round(size * fraction);
        if (fraction > 0 && validationSize == 0 && size > 1) {
            validationSize = 1;
        }
        return List.copyOf(shuffled.subList(0, validationSize));
    }

    public static Set<Integer> validationSet(int size, double fraction, long seed) {
        return new TreeSet<>(validationIndexes(size, fraction, seed));
    }
}
