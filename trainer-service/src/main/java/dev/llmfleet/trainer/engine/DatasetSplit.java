package dev.llmfleet.trainer.engine;

import dev.llmfleet.model.chat.TokenSequence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Training and validation examples, split by a seeded shuffle so the same seed gives the same split. */
record DatasetSplit(List<TokenSequence> training, List<TokenSequence> validation) {

    static DatasetSplit of(List<TokenSequence> all, TrainingSettings.Data data, long seed) {
        List<TokenSequence> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(seed));
        int validationSize = all.size() - data.trainingExamples(all.size());
        return new DatasetSplit(
                List.copyOf(shuffled.subList(validationSize, shuffled.size())),
                List.copyOf(shuffled.subList(0, validationSize)));
    }
}
