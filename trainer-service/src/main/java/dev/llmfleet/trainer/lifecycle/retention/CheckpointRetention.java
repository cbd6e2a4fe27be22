package dev.llmfleet.trainer.lifecycle.retention;

import dev.llmfleet.api.lifecycle.RetentionReport;
import dev.llmfleet.model.ModelJson;
import dev.llmfleet.trainer.lifecycle.LifecycleFiles;
import dev.llmfleet.trainer.lifecycle.LifecyclePaths;
import dev.llmfleet.trainer.lifecycle.backups.BackupService;
import dev.llmfleet.trainer.lifecycle.versions.ConsolidationService;
import dev.llmfleet.trainer.lifecycle.versions.VersionService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Keeps a run's last K checkpoints and its best, and every checkpoint something needs: the source
 * of a version, a deployment, a running or paused job, a backup, consolidation or evaluation
 * reading it now.
 * Everything else goes; a dry run unless told to execute.
 */
@Service
public class CheckpointRetention {

    private static final String PREFIX = "step-";
    private static final String STATE_FILE = "training-state.json";

    private final LifecyclePaths paths;
    private final VersionService versions;
    private final BackupService backups;
    private final ConsolidationService consolidation;
    private final CheckpointPinRepository pins;
    private final CheckpointReaders readers;

    CheckpointRetention(
            LifecyclePaths paths,
            VersionService versions,
            BackupService backups,
            ConsolidationService consolidation,
            CheckpointPinRepository pins,
            CheckpointReaders readers) {
        this.paths = paths;
        this.versions = versions;
        this.backups = backups;
        this.consolidation = consolidation;
        this.pins = pins;
        this.readers = readers;
    }

    public RetentionReport apply(Path runCheckpoints, int keepLast, boolean execute) {
        if (keepLast < 1) {
            throw InvalidRetentionRequestException.badKeepLast(keepLast);
        }
        Path root = runCheckpoints.toAbsolutePath().normalize();
        if (!paths.contains(root)) {
            throw InvalidRetentionRequestException.outsideDataFolder(runCheckpoints.toString());
        }
        return readers.excludingNewReaders(() -> decide(root, keepLast, execute));
    }

    private RetentionReport decide(Path root, int keepLast, boolean execute) {
        List<Path> checkpoints = list(root);
        Map<Path, List<String>> reasons = new LinkedHashMap<>();
        checkpoints.forEach(c -> reasons.put(c, new ArrayList<>()));
        checkpoints
                .subList(Math.max(0, checkpoints.size() - keepLast), checkpoints.size())
                .forEach(c -> reasons.get(c).add("last"));
        bestOf(checkpoints).ifPresent(best -> reasons.computeIfPresent(best, (c, r) -> add(r, "best")));
        mark(reasons, versions.sourceCheckpoints(), "version");
        pins.findAll()
                .forEach(pin -> mark(
                        reasons, Set.of(pin.checkpoint()), pin.kind().name().toLowerCase()));
        mark(reasons, backups.inProgress(), "backup_in_progress");
        mark(reasons, consolidation.sourcesInUse(), "backup_in_progress");
        mark(reasons, readers.inUse(), "evaluation");
        List<String> removed = new ArrayList<>();
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (Map.Entry<Path, List<String>> entry : reasons.entrySet()) {
            if (entry.getValue().isEmpty()) {
                removed.add(entry.getKey().toString());
                if (execute) {
                    delete(entry.getKey());
                }
            } else {
                kept.put(entry.getKey().toString(), List.copyOf(entry.getValue()));
            }
        }
        return new RetentionReport(execute, removed, kept);
    }

    private static void mark(Map<Path, List<String>> reasons, Set<Path> needed, String why) {
        for (Path path : needed) {
            List<String> r = reasons.get(path.toAbsolutePath().normalize());
            if (r != null && !r.contains(why)) {
                r.add(why);
            }
        }
    }

    private static List<String> add(List<String> reasons, String why) {
        reasons.add(why);
        return reasons;
    }

    /** The best step as the newest checkpoint's training state records it. */
    private static java.util.Optional<Path> bestOf(List<Path> checkpoints) {
        for (Path checkpoint : checkpoints.reversed()) {
            Path state = checkpoint.resolve(STATE_FILE);
            if (Files.isRegularFile(state)) {
                try {
                    JsonNode node = ModelJson.MAPPER.readTree(Files.readString(state));
                    long best = node.path("best_step").asLong(-1);
                    return best < 0
                            ? java.util.Optional.empty()
                            : java.util.Optional.of(checkpoint.resolveSibling(PREFIX + String.format("%08d", best)));
                } catch (IOException | RuntimeException e) {
                    // An unreadable state says nothing about the best; try an older one.
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static List<Path> list(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static void delete(Path checkpoint) {
        try {
            LifecycleFiles.deleteTree(checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete checkpoint " + checkpoint, e);
        }
    }
}
