package dev.llmfleet.trainer.lifecycle.backups;

import dev.llmfleet.model.checkpoint.CheckpointCorruptedException;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.Manifest;
import dev.llmfleet.trainer.lifecycle.LifecycleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Copies a version folder into a backup folder and reads every file back against its SHA-256. */
@Component
class BackupFolders {

    private final BackupCopier copier;

    BackupFolders(BackupCopier copier) {
        this.copier = copier;
    }

    /** Copies into a hidden folder, renames it into place, then verifies what landed on disk. */
    void copyVerified(String id, Path source, Path target, String manifestSha256) {
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            LifecycleFiles.deleteTree(partial);
            Files.createDirectories(partial);
            for (Path file : LifecycleFiles.filesOf(source)) {
                copier.copy(file, partial.resolve(file.getFileName()));
            }
            LifecycleFiles.fsync(partial);
            LifecycleFiles.moveAtomically(partial, target);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw BackupFailedException.couldNotWrite(id, e);
        }
        Optional<String> problem = problemWith(target, manifestSha256);
        if (problem.isPresent()) {
            deleteQuietly(target);
            throw BackupFailedException.notVerified(id, problem.get());
        }
    }

    /** Why {@code folder} does not hold exactly the files pinned by {@code manifestSha256}, or empty if it does. */
    Optional<String> problemWith(Path folder, String manifestSha256) {
        if (!Files.isDirectory(folder)) {
            return Optional.of(folder + " is missing");
        }
        try {
            String actual = LifecycleFiles.sha256(folder.resolve(Manifest.FILE_NAME));
            if (!actual.equals(manifestSha256)) {
                return Optional.of(Manifest.FILE_NAME + " in " + folder + " has SHA-256 " + actual + ", expected "
                        + manifestSha256);
            }
            CheckpointReader.open(folder);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(Manifest.FILE_NAME + " in " + folder + " cannot be read: " + e.getMessage());
        } catch (CheckpointCorruptedException e) {
            return Optional.of(e.getMessage());
        }
    }

    static void deleteQuietly(Path folder) {
        try {
            LifecycleFiles.deleteTree(folder);
        } catch (IOException ignored) {
            // Only ever a copy that failed; a leftover is hidden or unreferenced and never trusted.
        }
    }
}
