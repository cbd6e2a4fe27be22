package dev.llmfleet.trainer.lifecycle.backups;

import dev.llmfleet.api.lifecycle.BackupType;
import dev.llmfleet.api.lifecycle.BackupView;
import dev.llmfleet.model.checkpoint.CheckpointCorruptedException;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.Manifest;
import dev.llmfleet.trainer.lifecycle.DiskGuard;
import dev.llmfleet.trainer.lifecycle.LifecycleFiles;
import dev.llmfleet.trainer.lifecycle.LifecyclePaths;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Verified backups of version folders, in {@code backups/} and the optional second location. A
 * backup only exists (has a row) once every copied file has been read back against its SHA-256.
 */
@Service
public class BackupService {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private static final Pattern VERSION_NAME = Pattern.compile("v\\d{3,}");

    private final BackupRepository repository;
    private final BackupFolders folders;
    private final LifecyclePaths paths;
    private final DiskGuard diskGuard;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Set<Path> inProgress = ConcurrentHashMap.newKeySet();

    BackupService(
            BackupRepository repository,
            BackupFolders folders,
            LifecyclePaths paths,
            DiskGuard diskGuard,
            Clock clock,
            MeterRegistry meters) {
        this.repository = repository;
        this.folders = folders;
        this.paths = paths;
        this.diskGuard = diskGuard;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Copies the version folder {@code source} into a new backup (and the second location), reads
     * every file back and only then records it. Throws {@link BackupFailedException} otherwise,
     * leaving no backup behind.
     */
    public BackupView backup(String version, Path source, BackupType type, String reason, String createdBy) {
        String id = STAMP.format(clock.instant()) + "-" + type.name().toLowerCase() + "-" + version + "-"
                + HexFormat.of()
                        .toHexDigits(ThreadLocalRandom.current().nextInt())
                        .substring(0, 6);
        String manifestSha256 = verifiedSource(version, source);
        long size = size(source);
        diskGuard.require("backup " + id, paths.backups(), size);
        paths.secondBackupLocation().ifPresent(second -> diskGuard.require("backup " + id, second, size));
        inProgress.add(source.toAbsolutePath().normalize());
        Path primary = paths.backups().resolve(id);
        Path second = paths.secondBackupLocation().map(l -> l.resolve(id)).orElse(null);
        try {
            folders.copyVerified(id, source, primary, manifestSha256);
            if (second != null) {
                folders.copyVerified(id, source, second, manifestSha256);
            }
            Instant now = clock.instant();
            ModelBackup backup = new ModelBackup(
                    id, type, version, reason, manifestSha256, size, primary, second, now, now, createdBy);
            BackupView view = repository.save(backup).toView();
            meters.counter("fleet.trainer.backups.created", "type", type.name().toLowerCase())
                    .increment();
            return view;
        } catch (RuntimeException e) {
            BackupFolders.deleteQuietly(primary);
            if (second != null) {
                BackupFolders.deleteQuietly(second);
            }
            meters.counter("fleet.trainer.backups.failed", "type", type.name().toLowerCase())
                    .increment();
            throw e;
        } finally {
            inProgress.remove(source.toAbsolutePath().normalize());
        }
    }

    /** A backup of {@code version}, or of the current model when {@code version} is null. */
    public BackupView backupOf(String version, BackupType type, String reason, String createdBy) {
        String name = version != null
                ? version
                : paths.currentVersion().orElseThrow(InvalidBackupRequestException::noCurrentModel);
        Path folder = paths.version(name);
        if (!VERSION_NAME.matcher(name).matches() || !Files.isDirectory(folder)) {
            throw InvalidBackupRequestException.versionFilesMissing(name);
        }
        return backup(name, folder, type, reason, createdBy);
    }

    public List<BackupView> list() {
        return repository.findAllByOrderByCreatedAtDesc().stream()
                .map(ModelBackup::toView)
                .toList();
    }

    public BackupView get(String id) {
        return find(id).toView();
    }

    /**
     * The folder of backup {@code id} after re-reading every file (the second copy when the first no
     * longer verifies); {@link BackupFailedException} when neither does.
     */
    public Path verifiedFolder(String id) {
        ModelBackup backup = find(id);
        Optional<String> problem = folders.problemWith(backup.location(), backup.manifestSha256());
        if (problem.isEmpty()) {
            return backup.location();
        }
        Path second = backup.secondLocation();
        if (second != null
                && folders.problemWith(second, backup.manifestSha256()).isEmpty()) {
            return second;
        }
        throw BackupFailedException.notVerified(id, problem.get());
    }

    /** The newest backup of {@code version} that still verifies. */
    public Optional<BackupView> lastVerified(String version) {
        for (ModelBackup backup : repository.findByVersionNameOrderByCreatedAtDesc(version)) {
            try {
                verifiedFolder(backup.id());
                return Optional.of(backup.toView());
            } catch (BackupFailedException damaged) {
                // An older intact backup is better than a newer damaged one.
            }
        }
        return Optional.empty();
    }

    /** Folders being copied right now; retention must leave them alone. */
    public Set<Path> inProgress() {
        return Set.copyOf(inProgress);
    }

    ModelBackup find(String id) {
        return repository.findById(id).orElseThrow(() -> BackupNotFoundException.forId(id));
    }

    private static String verifiedSource(String version, Path source) {
        try {
            CheckpointReader.open(source);
            return LifecycleFiles.sha256(source.resolve(Manifest.FILE_NAME));
        } catch (CheckpointCorruptedException | IOException e) {
            throw BackupFailedException.sourceDamaged(version, e.getMessage());
        }
    }

    private static long size(Path folder) {
        try {
            return LifecycleFiles.size(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
