package dev.llmfleet.trainer.run;

import dev.llmfleet.api.trainer.RunSettings;
import dev.llmfleet.trainer.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code run.json} in a job's run folder: the settings and the base the run started with, fixed at
 * its first start. A paused, stopped or crashed run continues with exactly these, even after
 * another version was deployed meanwhile.
 *
 * @param baseVersion the version the run started from, null for scratch
 * @param baseFolder that version's folder, null for scratch
 * @param baseHow how the base's name led to it ({@code v003, deployed})
 */
public record RunRecord(RunSettings settings, String baseVersion, Path baseFolder, String baseHow) {

    public static final String FILE_NAME = "run.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public BaseModels.Resolved base() {
        return new BaseModels.Resolved(baseVersion, baseFolder, baseHow);
    }

    /** The record in {@code runDirectory}, or a new one of {@code settings} on the base {@code resolve} gives, written there first. */
    public static RunRecord readOrCreate(
            Path runDirectory, RunSettings settings, Supplier<BaseModels.Resolved> resolve) {
        Path file = runDirectory.resolve(FILE_NAME);
        try {
            if (Files.isRegularFile(file)) {
                return JSON.readValue(Files.readString(file), RunRecord.class);
            }
            BaseModels.Resolved base = resolve.get();
            RunRecord record = new RunRecord(settings, base.version(), base.folder(), base.how());
            Files.createDirectories(runDirectory);
            AtomicFiles.write(file, JSON.writeValueAsString(record).getBytes(StandardCharsets.UTF_8));
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the run record " + file, e);
        }
    }
}
