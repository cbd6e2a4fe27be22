package dev.llmfleet.trainer.intake;

import dev.llmfleet.api.trainer.RunSettings;
import dev.llmfleet.trainer.run.InvalidRunSettingsException;
import dev.llmfleet.trainer.run.RunSettingsReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The run settings file of an inbox dataset: {@code <name>.run.json} beside {@code <name>.jsonl}
 * (or {@code <name>.jsonl.run.json}). Put it there before the dataset, or together with it: the
 * dataset is taken once it has held still, and with it whatever settings file lies beside it then.
 * Settings files are never datasets themselves.
 */
final class RunSidecars {

    static final String SUFFIX = ".run.json";
    private static final int MAX_BYTES = 64 * 1024;

    private RunSidecars() {}

    static boolean isSidecar(Path file) {
        return file.getFileName().toString().endsWith(SUFFIX);
    }

    static Optional<Path> of(Path dataset) {
        String name = dataset.getFileName().toString();
        int dot = name.lastIndexOf('.');
        for (String candidate : dot > 0
                ? new String[] {name.substring(0, dot) + SUFFIX, name + SUFFIX}
                : new String[] {name + SUFFIX}) {
            Path sidecar = dataset.resolveSibling(candidate);
            if (Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(sidecar);
            }
        }
        return Optional.empty();
    }

    /** The settings in the file, the defaults when there is none; refused naming the field when they are not valid. */
    static RunSettings read(Optional<Path> sidecar) {
        if (sidecar.isEmpty()) {
            return RunSettings.defaults();
        }
        Path file = sidecar.get();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw InvalidRunSettingsException.of(
                        "", file.getFileName() + " is larger than " + MAX_BYTES / 1024 + " KiB");
            }
            return RunSettingsReader.read(Files.readString(file));
        } catch (MalformedInputException e) {
            throw InvalidRunSettingsException.of("", file.getFileName() + " is not UTF-8 text");
        } catch (IOException e) {
            throw InvalidRunSettingsException.of("", "cannot read " + file.getFileName() + ": " + e.getMessage());
        }
    }
}
