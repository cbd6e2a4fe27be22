package dev.llmfleet.api.inference;

/**
 * What {@code POST /models/reload} should load: a version from the trainer host, a checkpoint
 * folder on the inference host, or (both empty) the current model's source again.
 */
public record ReloadRequest(String version, String path) {

    public static ReloadRequest ofVersion(String version) {
        return new ReloadRequest(version, null);
    }

    public static ReloadRequest ofPath(String path) {
        return new ReloadRequest(null, path);
    }

    public static ReloadRequest current() {
        return new ReloadRequest(null, null);
    }
}
