package dev.llmfleet.deploy.faults;

import dev.llmfleet.api.trainer.DatasetStatus;
import dev.llmfleet.api.trainer.TrainerClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The datasets the driver brings through the trainer's inbox: the curriculum's first level, each
 * run continuing from the deployed model (from scratch while none is), so that candidates improve
 * and the loop consolidates and deploys again.
 */
final class DatasetFeeder {

    private final Path inbox;
    private final List<String> fed = new ArrayList<>();

    DatasetFeeder(Path inbox) {
        this.inbox = inbox;
    }

    void feed() throws IOException {
        int n = fed.size();
        String name = "faults-%03d".formatted(n);
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve(name + ".run.json"), "{\"base\":\"deployed\"}");
        // a hundred offsets, then one example more per round: every dataset is new content
        Files.write(inbox.resolve(name + ".jsonl"), AdditionChats.singleDigit(36 + n / 100, 37 * n % 100));
        fed.add(name + ".jsonl");
    }

    int fed() {
        return fed.size();
    }

    /** How many of the datasets brought the trainer has not completed (or not listed yet). */
    long unfinished(TrainerClient trainer) {
        return fed.size()
                - trainer.datasets().stream()
                        .filter(d -> fed.contains(d.name()) && d.status() == DatasetStatus.COMPLETED)
                        .count();
    }
}
