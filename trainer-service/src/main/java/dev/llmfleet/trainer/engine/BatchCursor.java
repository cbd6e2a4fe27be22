package dev.llmfleet.trainer.engine;

import dev.llmfleet.model.chat.TokenSequence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Walks the training examples in a fresh seeded order each epoch. Its whole state is (epoch,
 * position), which is what a checkpoint stores to resume on the very next example.
 */
final class BatchCursor {

    private final List<TokenSequence> examples;
    private final long seed;
    private int epoch;
    private int position;
    private List<TokenSequence> order;

    BatchCursor(List<TokenSequence> examples, long seed, int epoch, int position) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        this.examples = examples;
        this.seed = seed;
        this.epoch = epoch;
        this.position = position;
        this.order = orderFor(epoch);
    }

    List<TokenSequence> next(int batchSize) {
        List<TokenSequence> batch = new ArrayList<>(batchSize);
        while (batch.size() < batchSize) {
            if (position == order.size()) {
                epoch++;
                position = 0;
                order = orderFor(epoch);
            }
            batch.add(order.get(position++));
        }
        return batch;
    }

    int epoch() {
        return epoch;
    }

    int position() {
        return position;
    }

    private List<TokenSequence> orderFor(int epochNumber) {
        List<TokenSequence> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(seed * 1_000_003L + epochNumber));
        return shuffled;
    }
}
