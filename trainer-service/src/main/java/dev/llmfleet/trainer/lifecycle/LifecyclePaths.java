package dev.llmfleet.trainer.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
}
