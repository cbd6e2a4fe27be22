package dev.llmfleet.trainer.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where versions and backups live: {@code <root>/versions/vNNN/}, {@code <root>/backups/<id>/},
 * the link {@code <root>/current} to the current model's version folder, and the optional second
 * backup location.
 */
public record LifecyclePaths(Path root, Path secondBackups) {

    public LifecyclePaths {
        root = root.toAbsolutePath().normalize();
        secondBackups =
                secondBackups == null ? null : secondBackups.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root.resolve("versions"));
            Files.createDirectories(root.resolve("backups"));
            if (secondBackups != null) {
                Files.createDirectories(secondBackups);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the lifecycle folders under " + root, e);
        }
    }

    public Path versions() {
        return root.resolve("versions");
    }

    public Path version(String name) {
        return versions().resolve(name);
    }

    public Path backups() {
        return root.resolve("backups");
    }

    public Optional<Path> secondBackupLocation() {
        return Optional.ofNullable(secondBackups);
    }

    /** A symbolic link to the current model's version folder; absent until a first version exists. */
    public Path current() {
        return root.resolve("current");
    }

    /** The version the {@code current} link points at, if there is one. */
    public Optional<String> currentVersion() {
        if (!Files.isSymbolicLink(current())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readSymbolicLink(current()).getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the link " + current(), e);
        }
    }

    /** Whether {@code path} lies inside the trainer's data folder (requests may only name such paths). */
    public boolean contains(Path path) {
        return path.toAbsolutePath().normalize().startsWith(root);
    }

    /**
     * A path a request names, as it lies in the trainer's data folder: a relative one is taken from
     * that folder ({@code runs/<jobId>/checkpoints/step-00000100}, {@code versions/v003}), an
     * absolute one must already lie in it. Empty for anything that leads out of it, by {@code ..}
     * or through a link.
     */
    public Optional<Path> resolveInside(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        Path candidate;
        try {
            candidate = root.resolve(path).normalize();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (!candidate.startsWith(root)) {
            return Optional.empty();
        }
        if (Files.exists(candidate)) {
            try {
                if (!candidate.toRealPath().startsWith(root.toRealPath())) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(candidate);
    }

    /** {@code path} (inside the data folder) as requests name it: relative to the data folder. */
    public String relativeName(Path path) {
        return root.relativize(path.toAbsolutePath().normalize()).toString();
    }
}
