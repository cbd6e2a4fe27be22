package dev.llmfleet.trainer.lifecycle.imports;

import dev.llmfleet.starter.config.FleetStarterProperties;
import dev.llmfleet.trainer.lifecycle.LifecycleProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The folders model folders may be imported from. A request names a folder inside one of them; it
 * may not lead out of them, by {@code ..} or through a symbolic link, and neither may any file the
 * model is made of, since the import copies what the links point at.
 */
@Component
public class ImportRoots {

    private final List<Path> roots;

    ImportRoots(FleetStarterProperties fleet, LifecycleProperties properties) {
        List<Path> configured = properties.importRoots().isEmpty()
                ? List.of(fleet.dataDir().resolve("imports"))
                : properties.importRoots();
        this.roots =
                configured.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        try {
            Files.createDirectories(roots.getFirst());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the import folder " + roots.getFirst(), e);
        }
    }

    public List<Path> roots() {
        return roots;
    }

    /** The folder a request names, checked to lie inside a root, to exist, and to be reached without leaving the roots. */
    Path resolve(String requested) {
        if (requested == null || requested.isBlank()) {
            throw InvalidImportException.noPath();
        }
        Path candidate;
        try {
            Path given = Path.of(requested);
            candidate = (given.isAbsolute() ? given : roots.getFirst().resolve(given))
                    .toAbsolutePath()
                    .normalize();
        } catch (InvalidPathException e) {
            throw InvalidImportException.outsideRoots(requested, roots);
        }
        Path root = roots.stream()
                .filter(candidate::startsWith)
                .findFirst()
                .orElseThrow(() -> InvalidImportException.outsideRoots(requested, roots));
        if (!Files.isDirectory(candidate)) {
            throw InvalidImportException.notAFolder(requested);
        }
        requireInside(candidate, root, requested);
        return candidate;
    }

    /** Throws unless {@code path}, with every link followed, still lies inside {@code root}. */
    void requireInside(Path path, Path root, String named) {
        try {
            if (!path.toRealPath().startsWith(root.toRealPath())) {
                throw InvalidImportException.linkOut(named);
            }
        } catch (IOException e) {
            throw InvalidImportException.notAFolder(named);
        }
    }

    Path rootOf(Path folder) {
        return roots.stream().filter(folder::startsWith).findFirst().orElseThrow();
    }
}
