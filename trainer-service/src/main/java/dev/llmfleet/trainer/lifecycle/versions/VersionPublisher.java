package dev.llmfleet.trainer.lifecycle.versions;

import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.trainer.lifecycle.LifecycleFiles;
import dev.llmfleet.trainer.lifecycle.LifecyclePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a built folder a version in one move: the row, the rename into {@code versions/} and the
 * switch of the current model commit together or are all undone.
 */
@Component
class VersionPublisher {

    private final ModelVersionRepository repository;
    private final LifecyclePaths paths;
    private final CurrentModel current;
    private final TransactionTemplate transactions;
    private final Clock clock;

    VersionPublisher(
            ModelVersionRepository repository,
            LifecyclePaths paths,
            CurrentModel current,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.paths = paths;
        this.current = current;
        this.transactions = transactions;
        this.clock = clock;
    }

    ModelVersion publish(int number, VersionDraft draft, Path built) throws IOException {
        Optional<String> previous = current.version();
        String name = ModelVersion.nameFor(number);
        Path target = paths.version(name);
        ModelVersion version = new ModelVersion(
                number, draft, LoraFiles.manifestSha256(built), LifecycleFiles.size(built), clock.instant());
        boolean[] moved = {false};
        try {
            return transactions.execute(status -> {
                ModelVersion saved = repository.saveAndFlush(version);
                move(built, target);
                moved[0] = true;
                current.point(name);
                return saved;
            });
        } catch (RuntimeException e) {
            if (moved[0]) {
                move(target, built);
            }
            current.restore(previous);
            throw e;
        }
    }

    /** Undoes {@link #publish}: the row goes, the folder moves back to {@code builtPlace}, the old current returns. */
    void unpublish(String name, Path builtPlace, Optional<String> previous) throws IOException {
        current.restore(previous);
        transactions.executeWithoutResult(status -> repository.deleteById(name));
        Path target = paths.version(name);
        if (Files.exists(target)) {
            Files.createDirectories(builtPlace.getParent());
            move(target, builtPlace);
        }
    }

    private static void move(Path from, Path to) {
        try {
            LifecycleFiles.moveAtomically(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to, e);
        }
    }
}
