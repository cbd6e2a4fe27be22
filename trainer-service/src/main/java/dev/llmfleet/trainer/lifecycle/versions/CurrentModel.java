package dev.llmfleet.trainer.lifecycle.versions;

import dev.llmfleet.trainer.lifecycle.LifecycleFiles;
import dev.llmfleet.trainer.lifecycle.LifecyclePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The current model: the link {@code <trainer>/current} to a version folder. Switching writes a new
 * link beside it and renames it over the old one, so a reader sees the old or the new target, never none.
 */
@Component
class CurrentModel {

    private final LifecyclePaths paths;

    CurrentModel(LifecyclePaths paths) {
        this.paths = paths;
    }

    Optional<String> version() {
        return paths.currentVersion();
    }

    void point(String version) {
        Path link = paths.current();
        Path temp = link.resolveSibling(".current-" + UUID.randomUUID());
        try {
            Files.createSymbolicLink(temp, link.getParent().relativize(paths.version(version)));
            Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LifecycleFiles.fsync(link.getParent());
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // A stray hidden link is never read.
            }
            throw new UncheckedIOException("cannot point the current model at " + version, e);
        }
    }

    /** Back to no current model (only ever to undo the first consolidation). */
    void clear() {
        try {
            Files.deleteIfExists(paths.current());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the link " + paths.current(), e);
        }
    }

    void restore(Optional<String> previous) {
        previous.ifPresentOrElse(this::point, this::clear);
    }
}
