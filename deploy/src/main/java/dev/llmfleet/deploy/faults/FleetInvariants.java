package dev.llmfleet.deploy.faults;

import dev.llmfleet.api.lifecycle.LifecycleClient;
import dev.llmfleet.api.lifecycle.VersionView;
import dev.llmfleet.api.scheduler.JobHistoryEntry;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.model.checkpoint.CheckpointCorruptedException;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.CheckpointWriter;
import dev.llmfleet.model.checkpoint.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The promises a crash must not break, checked after every kill: what the fleet acknowledged
 * (datasets, jobs, versions) is still there, no job failed, no job ran twice at once, every finished
 * checkpoint and every version verifies. Each check counts; each broken one is a violation.
 */
final class FleetInvariants {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path trainerDir;
    private final SchedulerClient scheduler;
    private final Set<String> datasets = new LinkedHashSet<>();
    private final Set<UUID> jobs = new LinkedHashSet<>();
    private final Set<String> versions = new LinkedHashSet<>();
    private final List<String> violations = new ArrayList<>();
    private int checks;

    FleetInvariants(Path trainerDir, SchedulerClient scheduler) {
        this.trainerDir = trainerDir;
        this.scheduler = scheduler;
    }

    /** Notes what the fleet has acknowledged by now: it must survive every later crash. */
    void remember(TrainerClient trainer, LifecycleClient lifecycle) {
        trainer.datasets().forEach(d -> datasets.add(d.sha256()));
        lifecycle.versions().forEach(v -> versions.add(v.name()));
        scheduler.list(null, null, null, 0, 200).jobs().forEach(j -> jobs.add(j.id()));
    }

    /** With the trainer dead: every finished checkpoint folder verifies, and no run was trained by two attempts at once. */
    void checkAtRest() throws IOException {
        for (Path run : children(trainerDir.resolve("runs"))) {
            Path checkpoints = run.resolve("checkpoints");
            for (Path checkpoint : children(checkpoints)) {
                if (!checkpoint.getFileName().toString().startsWith(".")) {
                    check(opens(checkpoint), "checkpoint " + checkpoint + " does not verify");
                }
            }
            boolean any = children(checkpoints).stream()
                    .anyMatch(p -> !p.getFileName().toString().startsWith("."));
            check(!any || CheckpointReader.latestComplete(checkpoints).isPresent(), "no complete checkpoint in " + run);
            check(attemptsInOrder(run.resolve("progress.jsonl")), "two attempts trained " + run + " at once");
        }
    }

    /** With a restarted trainer: everything acknowledged is still there, nothing failed or ran twice, versions verify. */
    void checkAfterRestart(TrainerClient trainer, LifecycleClient lifecycle) throws IOException {
        Set<String> listed = new LinkedHashSet<>();
        trainer.datasets().stream().map(DatasetView::sha256).forEach(listed::add);
        for (String dataset : datasets) {
            check(listed.contains(dataset), "dataset " + dataset + " was accepted and is gone");
        }
        for (UUID id : jobs) {
            JobResponse job = scheduler.get(id);
            List<JobHistoryEntry> history = scheduler.history(id);
            check(
                    job.state() != JobState.FAILED,
                    "job " + id + " FAILED: " + history.getLast().reason());
            check(neverLeasedTwice(history), "job " + id + " was leased while it was leased: " + history);
        }
        List<VersionView> now = lifecycle.versions();
        for (String name : versions) {
            check(now.stream().anyMatch(v -> v.name().equals(name)), "version " + name + " is gone");
        }
        for (VersionView version : now) {
            if (version.deletedAt() == null) {
                check(verifies(version), "version " + version.name() + " does not verify");
            }
        }
        remember(trainer, lifecycle);
    }

    /** A checkpoint write killed at its hold point leaves its temporary folder: proof of where the kill landed. */
    boolean unfinishedCheckpointLeft() throws IOException {
        for (Path run : children(trainerDir.resolve("runs"))) {
            for (Path checkpoint : children(run.resolve("checkpoints"))) {
                if (checkpoint.getFileName().toString().startsWith(CheckpointWriter.TEMP_PREFIX)) {
                    return true;
                }
            }
        }
        return false;
    }

    int checks() {
        return checks;
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    private void check(boolean holds, String violation) {
        checks++;
        if (!holds) {
            violations.add(violation);
        }
    }

    private static boolean opens(Path checkpoint) {
        try {
            CheckpointReader.open(checkpoint);
            return true;
        } catch (CheckpointCorruptedException e) {
            return false;
        }
    }

    private boolean verifies(VersionView version) throws IOException {
        Path folder = trainerDir.resolve("versions").resolve(version.name());
        return opens(folder) && sha256(folder.resolve(Manifest.FILE_NAME)).equals(version.manifestSha256());
    }

    /** Entering LEASED from LEASED or RUNNING would mean a second lease while the first was live. */
    private static boolean neverLeasedTwice(List<JobHistoryEntry> history) {
        JobState previous = null;
        for (JobHistoryEntry entry : history) {
            if (entry.toState() == JobState.LEASED && (previous == JobState.LEASED || previous == JobState.RUNNING)) {
                return false;
            }
            previous = entry.toState();
        }
        return true;
    }

    /** Attempts log their steps in turn; one attempt's lines between another's means both trained at once. */
    private static boolean attemptsInOrder(Path progress) throws IOException {
        if (!Files.exists(progress)) {
            return true;
        }
        int attempt = 0;
        for (String line : Files.readAllLines(progress)) {
            if (line.isBlank()) {
                continue;
            }
            int next;
            try {
                next = JSON.readTree(line).path("attempt").asInt();
            } catch (RuntimeException partialLastLine) {
                continue; // a line the kill cut short
            }
            if (next < attempt) {
                return false;
            }
            attempt = next;
        }
        return true;
    }

    private static List<Path> children(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
