package dev.llmfleet.trainer.control;

import dev.llmfleet.api.trainer.TrainerStatus;
import dev.llmfleet.trainer.storage.AtomicFiles;
import dev.llmfleet.trainer.storage.TrainerPaths;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

/** {@code control/state.json}: the status, replaced atomically on every change so readers never see half of it. */
final class StateFile {

    private static final Log log = LogFactory.getLog(StateFile.class);

    private final Path file;
    private final JsonMapper json;

    StateFile(TrainerPaths paths, JsonMapper json) {
        this.file = paths.control().resolve("state.json");
        this.json = json;
    }

    void write(TrainerStatus status) {
        try {
            AtomicFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(status));
        } catch (IOException | RuntimeException e) {
            log.warn("Could not write " + file + ": " + e);
        }
    }
}
