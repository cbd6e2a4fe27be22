package dev.llmfleet.api.inference;

import java.util.List;

/**
 * What a trainer host says a model version consists of. {@code files} includes the checkpoint's
 * own {@code manifest.json}, so a downloaded folder verifies both against this list and, once
 * complete, against its own manifest.
 */
public record VersionManifest(String version, String modelName, List<VersionFile> files) {

    public VersionManifest {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
