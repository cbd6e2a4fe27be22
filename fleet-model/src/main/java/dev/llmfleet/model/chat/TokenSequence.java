package dev.llmfleet.model.chat;

import java.util.Arrays;

/** Token ids with, for each, whether the model is trained to produce it (assistant text) or only reads it. */
public record TokenSequence(int[] ids, boolean[] learned) {

    public TokenSequence {
        if (ids.length != learned.length) {
            throw new IllegalArgumentException("ids and loss mask differ in length");
        }
    }

    public int length() {
        return ids.length;
    }

    public int learnedCount() {
        int count = 0;
        for (boolean l : learned) {
            count += l ? 1 : 0;
        }
        return count;
    }

    /** The first {@code maxLength} tokens; longer examples are cut, not dropped. */
    public TokenSequence truncate(int maxLength) {
        if (ids.length <= maxLength) {
            return this;
        }
        return new TokenSequence(Arrays.copyOf(ids, maxLength), Arrays.copyOf(learned, maxLength));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenSequence that
                && Arrays.equals(ids, that.ids)
                && Arrays.equals(learned, that.learned);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(learned);
    }

    @Override
    public String toString() {
        return "TokenSequence" + Arrays.toString(ids);
    }
}
