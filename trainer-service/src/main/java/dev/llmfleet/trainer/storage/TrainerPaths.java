package dev.llmfleet.trainer.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The trainer's folders under {@code <fleet.data-dir>/trainer/}, created on start. */
public record TrainerPaths(Path root) {

    public TrainerPaths {
        root = root.toAbsolutePath().normalize();
        try {
            for (Path dir : List.of(
                    root.resolve("inbox/priority"),
                    root.resolve("rejected"),
                    root.resolve("datasets"),
                    root.resolve("runs"),
                    root.resolve("control"),
                    root.resolve("staging"),
                    root.resolve("model"))) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the trainer's folders under " + root, e);
        }
    }

    /** Normal priority drop folder; its {@code priority/} sub-folder is high priority. */
    public Path inbox() {
        return root.resolve("inbox");
    }

    public Path priorityInbox() {
        return inbox().resolve("priority");
    }

    /** Files that failed validation, each beside its {@code .report.json}. */
    public Path rejected() {
        return root.resolve("rejected");
    }

    /** Accepted datasets, {@code <sha256>.jsonl}. */
    public Path datasets() {
        return root.resolve("datasets");
    }

    /** One folder per training job: its checkpoints. */
    public Path runs() {
        return root.resolve("runs");
    }

    /** Signal files and {@code state.json}. */
    public Path control() {
        return root.resolve("control");
    }

    /** Files on their way in: copied and hashed here before they are judged. */
    public Path staging() {
        return root.resolve("staging");
    }

    /** The tokenizer every run and every validation uses. */
    public Path tokenizer() {
        return root.resolve("model").resolve("tokenizer.json");
    }
}
