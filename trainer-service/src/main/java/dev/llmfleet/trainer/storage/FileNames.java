package dev.llmfleet.trainer.storage;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Names that are safe to put in one of the trainer's folders: the last segment only (no path
 * traversal), a restricted alphabet, no leading dot, bounded length, and never an existing file's
 * name (a counter is added instead of overwriting).
 */
public final class FileNames {

    private static final int MAX_LENGTH = 120;

    private FileNames() {}

    /** {@code ../../etc/x.jsonl} → {@code x.jsonl}; {@code my data!.jsonl} → {@code my_data_.jsonl}. */
    public static String sanitise(String original) {
        String name = original == null ? "" : original;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        name = name.replaceAll("^[._]+", "");
        if (name.length() > MAX_LENGTH) {
            name = name.substring(name.length() - MAX_LENGTH);
        }
        return name.isEmpty() ? "unnamed.jsonl" : name;
    }

    /** A name for a file found at {@code relative} below an inbox: sub-folders flattened into the name. */
    public static String flatten(Path relative) {
        StringBuilder joined = new StringBuilder();
        for (Path part : relative) {
            if (!joined.isEmpty()) {
                joined.append("__");
            }
            joined.append(sanitise(part.toString()));
        }
        return sanitise(joined.toString());
    }

    /** {@code directory/name}, or {@code name-1}, {@code name-2}, ... when taken; always inside {@code directory}. */
    public static Path unused(Path directory, String name) {
        String safe = sanitise(name);
        int dot = safe.lastIndexOf('.');
        String stem = dot > 0 ? safe.substring(0, dot) : safe;
        String extension = dot > 0 ? safe.substring(dot) : "";
        Path candidate = directory.resolve(safe);
        for (int i = 1; Files.exists(candidate) || Files.exists(reportFor(candidate)); i++) {
            candidate = directory.resolve(stem + "-" + i + extension);
        }
        if (!candidate.normalize().getParent().equals(directory.normalize())) {
            throw new IllegalStateException("name escapes its folder: " + name);
        }
        return candidate;
    }

    /** Where the validation report of a rejected file goes. */
    public static Path reportFor(Path rejectedFile) {
        return rejectedFile.resolveSibling(rejectedFile.getFileName() + ".report.json");
    }
}
