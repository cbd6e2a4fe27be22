package dev.llmfleet.trainer.intake;

import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.trainer.TrainerProperties;
import dev.llmfleet.trainer.storage.FileNames;
import dev.llmfleet.trainer.storage.TrainerPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches {@code inbox/} (normal priority) and {@code inbox/priority/} (high). A file is taken once
 * its size and modification time have held still for {@code stable-for}: a file still being
 * written is left alone. Files in sub-folders are taken too, their folders flattened into the
 * name. Hidden files (a writer's temporary names) and symbolic links are never taken.
 */
@Component
@ConditionalOnProperty(name = "fleet.trainer.inbox.enabled", havingValue = "true", matchIfMissing = true)
class InboxWatcher {

    private static final Log log = LogFactory.getLog(InboxWatcher.class);

    private record Seen(long size, Instant modified, Instant since) {}

    private final IntakeService intake;
    private final Path inbox;
    private final Path priorityInbox;
    private final Duration stableFor;
    private final Clock clock;
    private final Map<Path, Seen> seen = new HashMap<>();

    InboxWatcher(IntakeService intake, TrainerPaths paths, TrainerProperties properties, Clock clock) {
        this.intake = intake;
        this.inbox = paths.inbox();
        this.priorityInbox = paths.priorityInbox();
        this.stableFor = properties.inbox().stableFor();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${fleet.trainer.inbox.poll-interval:1s}")
    synchronized void scan() {
        Instant now = clock.instant();
        Map<Path, Boolean> present = new HashMap<>();
        scan(priorityInbox, JobPriority.HIGH, "inbox/priority", now, present);
        scan(inbox, JobPriority.NORMAL, "inbox", now, present);
        seen.keySet().retainAll(present.keySet());
    }

    private void scan(Path root, JobPriority priority, String source, Instant now, Map<Path, Boolean> present) {
        for (Path file : candidates(root)) {
            present.put(file, true);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException vanished) {
                continue;
            }
            Seen current =
                    new Seen(attributes.size(), attributes.lastModifiedTime().toInstant(), now);
            Seen before = seen.get(file);
            if (before == null
                    || before.size() != current.size()
                    || !before.modified().equals(current.modified())) {
                seen.put(file, current);
            } else if (!now.isBefore(before.since().plus(stableFor))) {
                take(root, file, priority, source);
                seen.remove(file);
            }
        }
    }

    private void take(Path root, Path file, JobPriority priority, String source) {
        String name = FileNames.flatten(root.relativize(file));
        try {
            var result = intake.takeFile(file, name, priority, source);
            log.info("Took " + source + "/" + root.relativize(file) + " as " + name + ": " + result.outcome());
        } catch (IOException | RuntimeException e) {
            log.warn("Could not take " + file + ", will try again: " + e);
        }
    }

    /** Regular files below {@code root}; the normal inbox leaves the priority folder to its own scan. */
    private List<Path> candidates(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !root.equals(inbox) || !p.startsWith(priorityInbox))
                    .filter(p -> !hidden(root.relativize(p)))
                    .filter(p -> !RunSidecars.isSidecar(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
