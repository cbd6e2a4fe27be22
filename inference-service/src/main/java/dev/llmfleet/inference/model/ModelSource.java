package dev.llmfleet.inference.model;

import java.nio.file.Path;

/** Where a model comes from: a trainer version (downloaded) or a local checkpoint folder. */
record ModelSource(String version, Path path) {

    static ModelSource ofVersion(String version) {
        return new ModelSource(version, null);
    }

    static ModelSource ofPath(Path path) {
        return new ModelSource(null, path.toAbsolutePath().normalize());
    }

    /** The version the model is known by: the trainer's id, or the folder's name. */
    String versionName() {
        return version != null ? version : path.getFileName().toString();
    }

    String describe() {
        return version != null ? "trainer version " + version : "folder " + path;
    }
}
