package dev.llmfleet.trainer.control;

import dev.llmfleet.api.trainer.ControlAction;
import dev.llmfleet.trainer.storage.TrainerPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code control/.pause}, {@code .resume}, {@code .stop}, {@code .skip}: each does what the REST
 * control does and is removed once read. One that does not apply now is removed too (a stale
 * {@code .stop} must not stop the next run), and the refusal shows in the state.
 */
@Component
class SignalFiles {

    private static final Log log = LogFactory.getLog(SignalFiles.class);

    private final Path directory;
    private final TrainerControlService control;

    SignalFiles(TrainerPaths paths, TrainerControlService control) {
        this.directory = paths.control();
        this.control = control;
    }

    @Scheduled(fixedDelayString = "${fleet.trainer.control.poll-interval:500ms}")
    void look() {
        for (ControlAction action : ControlAction.values()) {
            Path signal = directory.resolve(action.signalFileName());
            if (consume(signal)) {
                try {
                    control.request(action);
                } catch (IllegalControlException e) {
                    log.info("Signal " + signal.getFileName() + " ignored: " + e.getMessage());
                    control.note("signal " + signal.getFileName() + " ignored: " + e.getMessage());
                }
            }
        }
    }

    private static boolean consume(Path signal) {
        try {
            return Files.deleteIfExists(signal);
        } catch (IOException e) {
            log.warn("Cannot remove signal file " + signal + ": " + e);
            return false;
        }
    }
}
