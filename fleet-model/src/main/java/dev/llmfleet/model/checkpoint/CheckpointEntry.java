package dev.llmfleet.model.checkpoint;

import java.io.IOException;
import java.io.OutputStream;

/** One file of a checkpoint: its name inside the folder and how to write its bytes. */
public record CheckpointEntry(String fileName, Content content) {

    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public CheckpointEntry {
        if (fileName.contains("/") || fileName.startsWith(".") || fileName.equals(Manifest.FILE_NAME)) {
            throw new IllegalArgumentException("not a checkpoint file name: " + fileName);
        }
    }

    public static CheckpointEntry text(String fileName, String text) {
        return new CheckpointEntry(fileName, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
