package dev.llmfleet.trainer.run;

import dev.llmfleet.api.trainer.CheckpointInfo;
import dev.llmfleet.model.ModelJson;
import dev.llmfleet.model.checkpoint.Manifest;
import dev.llmfleet.trainer.dataset.DatasetService;
import dev.llmfleet.trainer.engine.CheckpointMetrics;
import dev.llmfleet.trainer.lifecycle.LifecyclePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The checkpoints a training job left on this host, oldest first, named the way consolidation and
 * evaluation jobs take them ({@code runs/<jobId>/checkpoints/step-00000100}). A checkpoint is
 * complete when its manifest is there and every file it lists is present at its recorded size
 * (digests are checked when it is loaded); folders of saves in progress are never listed.
 */
@Service
public class RunCheckpoints {

    private static final Pattern STEP_FOLDER = Pattern.compile("step-(\\d{1,18})");

    private final TrainingPlan plan;
    private final DatasetService datasets;
    private final LifecyclePaths paths;

    RunCheckpoints(TrainingPlan plan, DatasetService datasets, LifecyclePaths paths) {
        this.plan = plan;
        this.datasets = datasets;
        this.paths = paths;
    }

    /** Its checkpoints; a job known here that saved none yet has none, an unknown job is not found. */
    public List<CheckpointInfo> list(UUID jobId) {
        Path folder = plan.checkpointDirectory(jobId);
        if (!Files.isDirectory(plan.runDirectory(jobId)) && !datasets.hasJob(jobId)) {
            throw RunNotFoundException.forJob(jobId);
        }
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory)
                    .map(this::describe)
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparingLong(CheckpointInfo::step))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the checkpoints of job " + jobId, e);
        }
    }

    private Optional<CheckpointInfo> describe(Path checkpoint) {
        Matcher name = STEP_FOLDER.matcher(checkpoint.getFileName().toString());
        if (!name.matches()) {
            return Optional.empty();
        }
        Optional<CheckpointMetrics> metrics = CheckpointMetrics.read(checkpoint);
        boolean complete = complete(checkpoint);
        return writtenAt(checkpoint)
                .map(time -> new CheckpointInfo(
                        paths.relativeName(checkpoint),
                        Long.parseLong(name.group(1)),
                        metrics.map(CheckpointMetrics::trainingLoss).orElse(null),
                        metrics.map(CheckpointMetrics::validationLoss).orElse(null),
                        complete,
                        time));
    }

    private static boolean complete(Path checkpoint) {
        try {
            Manifest manifest = ModelJson.MAPPER.readValue(
                    Files.readString(checkpoint.resolve(Manifest.FILE_NAME)), Manifest.class);
            for (Manifest.FileDigest file : manifest.files()) {
                Path path = checkpoint.resolve(file.path()).normalize();
                if (!path.startsWith(checkpoint) || !Files.isRegularFile(path) || Files.size(path) != file.size()) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * When its manifest, the last file a save writes, was written (the folder's time without one);
     * empty when the folder went away meanwhile (retention pruned it).
     */
    private static Optional<Instant> writtenAt(Path checkpoint) {
        Path manifest = checkpoint.resolve(Manifest.FILE_NAME);
        try {
            Path source = Files.isRegularFile(manifest) ? manifest : checkpoint;
            return Optional.of(Files.getLastModifiedTime(source).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
