package dev.llmfleet.model.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Opens checkpoints only after every file matches the manifest. */
public final class CheckpointReader {

    private CheckpointReader() {}

    /** The verified checkpoint, or a {@link CheckpointCorruptedException} naming the first file that does not match. */
    public static VerifiedCheckpoint open(Path directory) {
        Manifest manifest;
        try {
            manifest = Manifest.fromJson(Files.readString(directory.resolve(Manifest.FILE_NAME)));
        } catch (IOException | RuntimeException e) {
            throw CheckpointCorruptedException.unreadableManifest(directory, e);
        }
        for (Manifest.FileDigest file : manifest.files()) {
            Path path = directory.resolve(file.path());
            if (!Files.isRegularFile(path)) {
                throw CheckpointCorruptedException.missing(directory, file.path());
            }
            String actual;
            try {
                actual = Digests.sha256(path);
            } catch (IOException e) {
                throw CheckpointCorruptedException.missing(directory, file.path());
            }
            if (!actual.equals(file.sha256())) {
                throw CheckpointCorruptedException.digestMismatch(directory, file.path(), file.sha256(), actual);
            }
        }
        return new VerifiedCheckpoint(directory, manifest);
    }

    /**
     * The newest complete checkpoint under {@code root}, by folder name order; temporary folders
     * of interrupted saves and folders that fail verification are skipped.
     */
    public static Optional<VerifiedCheckpoint> latestComplete(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path candidate : children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())
                            .reversed())
                    .toList()) {
                try {
                    return Optional.of(open(candidate));
                } catch (CheckpointCorruptedException skipped) {
                    // An older complete checkpoint is better than a broken newer one.
                }
            }
        }
        return Optional.empty();
    }
}
