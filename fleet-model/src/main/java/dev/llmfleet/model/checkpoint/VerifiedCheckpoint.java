package dev.llmfleet.model.checkpoint;

import java.nio.file.Path;

/** A checkpoint folder whose files have been checked against its manifest. */
public record VerifiedCheckpoint(Path directory, Manifest manifest) {

    public Path file(String name) {
        boolean listed = manifest.files().stream().anyMatch(f -> f.path().equals(name));
        if (!listed) {
            throw new IllegalArgumentException("checkpoint " + directory + " has no file " + name);
        }
        return directory.resolve(name);
    }
}
