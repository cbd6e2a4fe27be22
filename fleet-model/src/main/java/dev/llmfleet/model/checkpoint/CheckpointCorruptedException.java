package dev.llmfleet.model.checkpoint;

import java.nio.file.Path;

/** A checkpoint whose files do not match its manifest; the message names the file. */
public final class CheckpointCorruptedException extends RuntimeException {

    private CheckpointCorruptedException(String message) {
        super(message);
    }

    static CheckpointCorruptedException digestMismatch(Path checkpoint, String file, String expected, String actual) {
        return new CheckpointCorruptedException("checkpoint " + checkpoint + ": file " + file + " has SHA-256 " + actual
                + " but the manifest says " + expected);
    }

    static CheckpointCorruptedException missing(Path checkpoint, String file) {
        return new CheckpointCorruptedException("checkpoint " + checkpoint + ": file " + file + " is missing");
    }

    static CheckpointCorruptedException unreadableManifest(Path checkpoint, Exception cause) {
        CheckpointCorruptedException e = new CheckpointCorruptedException(
                "checkpoint " + checkpoint + ": file " + Manifest.FILE_NAME + " is missing or unreadable");
        e.initCause(cause);
        return e;
    }
}
