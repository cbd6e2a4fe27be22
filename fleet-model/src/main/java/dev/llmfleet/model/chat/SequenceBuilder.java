package dev.llmfleet.model.chat;

import java.util.Arrays;

final class SequenceBuilder {

    private int[] ids = new int[32];
    private boolean[] learned = new boolean[32];
    private int size;

    SequenceBuilder add(int id, boolean learn) {
        return add(new int[] {id}, learn);
    }

    SequenceBuilder add(int[] more, boolean learn) {
        while (size + more.length > ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
            learned = Arrays.copyOf(learned, learned.length * 2);
        }
        System.arraycopy(more, 0, ids, size, more.length);
        Arrays.fill(learned, size, size + more.length, learn);
        size += more.length;
        return this;
    }

    TokenSequence build() {
        return new TokenSequence(Arrays.copyOf(ids, size), Arrays.copyOf(learned, size));
    }
}
