package dev.llmfleet.model.checkpoint;

import dev.llmfleet.model.ModelJson;
import java.util.List;

/** {@code manifest.json}: every other file of a checkpoint with its size and SHA-256. */
public record Manifest(String format, List<FileDigest> files) {

    public static final String FILE_NAME = "manifest.json";
    public static final String FORMAT = "llm-fleet-checkpoint/1";

    public record FileDigest(String path, long size, String sha256) {}

    public Manifest {
        files = List.copyOf(files);
    }

    String toJson() {
        return ModelJson.MAPPER.writeValueAsString(this);
    }

    static Manifest fromJson(String json) {
        return ModelJson.MAPPER.readValue(json, Manifest.class);
    }
}
