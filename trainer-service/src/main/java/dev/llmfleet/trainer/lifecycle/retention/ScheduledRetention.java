package dev.llmfleet.trainer.lifecycle.retention;

import dev.llmfleet.api.lifecycle.RetentionReport;
import dev.llmfleet.model.checkpoint.CheckpointWriter;
import dev.llmfleet.trainer.lifecycle.LifecycleProperties;
import dev.llmfleet.trainer.storage.TrainerPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checkpoint housekeeping without a person: at start-up, before the worker takes a lease, the
 * half-written checkpoint folders a crash left in the runs are deleted; then, on a schedule
 * ({@code fleet.trainer.lifecycle.retention-interval}, default an hour), every run keeps its last
 * {@code keep-last-checkpoints} and whatever {@link CheckpointRetention} protects, and the rest go.
 * {@code fleet.trainer.lifecycle.scheduled-retention=false} leaves retention to the API.
 */
@Component
public class ScheduledRetention implements InitializingBean {

    private static final Log log = LogFactory.getLog(ScheduledRetention.class);

    private final TrainerPaths paths;
    private final CheckpointRetention retention;
    private final int keepLast;
    private final boolean enabled;

    ScheduledRetention(TrainerPaths paths, CheckpointRetention retention, LifecycleProperties properties) {
        this.paths = paths;
        this.retention = retention;
        this.keepLast = properties.keepLastCheckpoints();
        this.enabled = properties.scheduledRetention();
    }

    /** Runs while the context starts, so before any lifecycle bean (the worker) writes a checkpoint. */
    @Override
    public void afterPropertiesSet() {
        int removed = 0;
        for (Path run : runs()) {
            try {
                List<Path> leftovers = CheckpointWriter.removeLeftovers(run.resolve("checkpoints"));
                leftovers.forEach(l -> log.info("Deleted the unfinished checkpoint " + l + " a crash left behind"));
                removed += leftovers.size();
            } catch (IOException e) {
                log.warn("Cannot clear the unfinished checkpoints of " + run + ": " + e.getMessage());
            }
        }
        if (removed > 0) {
            log.info("Deleted " + removed + " unfinished checkpoint folder(s) at start-up");
        }
    }

    /** On the schedule of {@link LifecycleProperties#retentionInterval} (its placeholder, with the same default). */
    @Scheduled(
            initialDelayString = "${fleet.trainer.lifecycle.retention-interval:1h}",
            fixedDelayString = "${fleet.trainer.lifecycle.retention-interval:1h}")
    void onSchedule() {
        if (enabled) {
            sweep();
        }
    }

    /** Applies retention to every run; one run's failure does not stop the others. Returns how many checkpoints went. */
    public int sweep() {
        int deleted = 0;
        for (Path run : runs()) {
            Path checkpoints = run.resolve("checkpoints");
            if (!Files.isDirectory(checkpoints)) {
                continue;
            }
            try {
                RetentionReport report = retention.apply(checkpoints, keepLast, true);
                deleted += report.removed().size();
            } catch (RuntimeException e) {
                log.warn("Retention of " + checkpoints + " failed; it is tried again next time: " + e.getMessage());
            }
        }
        if (deleted > 0) {
            log.info("Retention deleted " + deleted + " checkpoint(s)");
        }
        return deleted;
    }

    private List<Path> runs() {
        try (Stream<Path> children = Files.list(paths.runs())) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the runs in " + paths.runs(), e);
        }
    }
}
