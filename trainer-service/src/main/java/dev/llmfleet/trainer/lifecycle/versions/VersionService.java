package dev.llmfleet.trainer.lifecycle.versions;

import dev.llmfleet.api.inference.VersionFile;
import dev.llmfleet.api.inference.VersionManifest;
import dev.llmfleet.api.lifecycle.BackupType;
import dev.llmfleet.api.lifecycle.BackupView;
import dev.llmfleet.api.lifecycle.RestoreResult;
import dev.llmfleet.api.lifecycle.VersionView;
import dev.llmfleet.model.ModelJson;
import dev.llmfleet.model.checkpoint.CheckpointCorruptedException;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.Manifest;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.trainer.lifecycle.LifecycleFiles;
import dev.llmfleet.trainer.lifecycle.backups.BackupNotFoundException;
import dev.llmfleet.trainer.lifecycle.backups.BackupService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Versions: look-up, their files for download, restore (make current), delete after a verified backup. */
@Service
public class VersionService {

    private final ModelVersionRepository repository;
    private final CurrentModel current;
    private final BackupService backups;
    private final LifecycleContext context;
    private final TransactionTemplate transactions;
    private final Clock clock;

    VersionService(
            ModelVersionRepository repository,
            CurrentModel current,
            BackupService backups,
            LifecycleContext context,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.current = current;
        this.backups = backups;
        this.context = context;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<VersionView> list() {
        String latest = latestName();
        String now = current.version().orElse(null);
        return repository.findAllByOrderByNumberAsc().stream()
                .map(v -> v.toView(latest, now))
                .toList();
    }

    /** A version by name, or {@code latest}, or {@code current}. */
    public VersionView get(String name) {
        return find(name).toView(latestName(), current.version().orElse(null));
    }

    /** Every file of a version with its size and SHA-256, its {@code manifest.json} included. */
    public VersionManifest manifest(String name) {
        ModelVersion version = existing(name);
        Path folder = intactFolder(version);
        try {
            Manifest manifest =
                    ModelJson.MAPPER.readValue(Files.readString(folder.resolve(Manifest.FILE_NAME)), Manifest.class);
            List<VersionFile> files = new ArrayList<>();
            manifest.files().forEach(f -> files.add(new VersionFile(f.path(), f.size(), f.sha256())));
            files.add(new VersionFile(
                    Manifest.FILE_NAME, Files.size(folder.resolve(Manifest.FILE_NAME)), version.manifestSha256()));
            String family = ModelFiles.family(folder);
            return new VersionManifest(version.name(), family, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + version.name(), e);
        }
    }

    /** One file a version's manifest lists (or the manifest itself); anything else is not found. */
    public Path file(String name, String file) {
        VersionManifest manifest = manifest(name);
        boolean listed = manifest.files().stream().anyMatch(f -> f.path().equals(file));
        if (!listed) {
            throw VersionNotFoundException.noFile(name, file);
        }
        return context.paths().version(manifest.version()).resolve(file);
    }

    /** The version's folder after checking every file against its manifest. */
    public Path verifiedFolder(String name) {
        ModelVersion version = existing(name);
        Path folder = intactFolder(version);
        try {
            CheckpointReader.open(folder);
        } catch (CheckpointCorruptedException e) {
            throw VersionStateException.filesMissing(version.name());
        }
        return folder;
    }

    /**
     * Makes {@code name} the current model; when its files are missing or damaged they come back
     * from its newest backup that still verifies.
     */
    public RestoreResult restore(String name) {
        ModelVersion version = find(name);
        if (!version.isDeleted() && intact(version)) {
            current.point(version.name());
            return new RestoreResult(get(version.name()), null);
        }
        BackupView backup = backups.lastVerified(version.name())
                .orElseThrow(() -> BackupNotFoundException.noVerifiedBackupOf(version.name()));
        return restoreFromBackup(backup.id());
    }

    /** Puts a backup's files back as its version (verified before and after the copy) and makes it current. */
    public RestoreResult restoreFromBackup(String backupId) {
        BackupView backup = backups.get(backupId);
        Path source = backups.verifiedFolder(backupId);
        ModelVersion version = find(backup.version());
        Path versions = context.paths().versions();
        context.diskGuard().require("restore of " + backup.version(), versions, backup.sizeBytes());
        Path incoming = versions.resolve(".restore-" + version.name() + "-" + UUID.randomUUID());
        Path replaced = versions.resolve(".replaced-" + version.name() + "-" + UUID.randomUUID());
        Path target = context.paths().version(version.name());
        try {
            Files.createDirectories(incoming);
            for (Path file : LifecycleFiles.filesOf(source)) {
                LifecycleFiles.copyFile(file, incoming.resolve(file.getFileName()));
            }
            LifecycleFiles.fsync(incoming);
            CheckpointReader.open(incoming);
            if (!LifecycleFiles.sha256(incoming.resolve(Manifest.FILE_NAME)).equals(version.manifestSha256())) {
                throw VersionStateException.filesMissing(version.name());
            }
            if (Files.exists(target)) {
                LifecycleFiles.moveAtomically(target, replaced);
            }
            LifecycleFiles.moveAtomically(incoming, target);
            transactions.executeWithoutResult(status -> {
                ModelVersion fresh = find(version.name());
                fresh.markRestored();
                repository.save(fresh);
            });
            current.point(version.name());
            LifecycleFiles.deleteTree(replaced);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore " + version.name() + " from backup " + backupId, e);
        } finally {
            deleteQuietly(incoming);
        }
        return new RestoreResult(get(version.name()), backupId);
    }

    /**
     * Deletes a version's files after a verified {@code pre_deletion} backup; if the backup cannot be
     * verified nothing is touched. The current model cannot be deleted.
     */
    public BackupView delete(String name, String deletedBy) {
        ModelVersion version = existing(name);
        if (current.version().filter(version.name()::equals).isPresent()) {
            throw VersionStateException.isCurrent(version.name());
        }
        Path folder = context.paths().version(version.name());
        BackupView backup =
                backups.backup(version.name(), folder, BackupType.PRE_DELETION, "delete " + version.name(), deletedBy);
        Path doomed = context.paths().versions().resolve(".deleting-" + version.name() + "-" + UUID.randomUUID());
        try {
            LifecycleFiles.moveAtomically(folder, doomed);
            transactions.executeWithoutResult(status -> {
                ModelVersion fresh = existing(version.name());
                fresh.markDeleted(clock.instant());
                repository.save(fresh);
            });
        } catch (IOException | RuntimeException e) {
            moveBack(doomed, folder);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        deleteQuietly(doomed);
        return backup;
    }

    /** The folder of the newest existing version whose {@code manifest.json} has this SHA-256 (an adapter's base). */
    public Optional<Path> folderWithManifest(String manifestSha256) {
        return repository
                .findFirstByManifestSha256AndDeletedAtIsNullOrderByNumberDesc(manifestSha256)
                .map(v -> context.paths().version(v.name()));
    }

    /** The source checkpoints of every version; checkpoint retention keeps them. */
    public Set<Path> sourceCheckpoints() {
        return repository.findAll().stream()
                .map(v -> Path.of(v.sourceCheckpoint()).toAbsolutePath().normalize())
                .collect(Collectors.toSet());
    }

    private ModelVersion find(String name) {
        String resolved = switch (name) {
            case "latest" -> latestName();
            case "current" -> current.version().orElse(null);
            default -> name;
        };
        if (resolved == null) {
            throw VersionNotFoundException.forName(name);
        }
        return repository.findById(resolved).orElseThrow(() -> VersionNotFoundException.forName(name));
    }

    private ModelVersion existing(String name) {
        ModelVersion version = find(name);
        if (version.isDeleted()) {
            throw VersionStateException.alreadyDeleted(version.name());
        }
        return version;
    }

    private Path intactFolder(ModelVersion version) {
        if (!intact(version)) {
            throw VersionStateException.filesMissing(version.name());
        }
        return context.paths().version(version.name());
    }

    private boolean intact(ModelVersion version) {
        Path manifest = context.paths().version(version.name()).resolve(Manifest.FILE_NAME);
        try {
            return Files.isRegularFile(manifest)
                    && LifecycleFiles.sha256(manifest).equals(version.manifestSha256());
        } catch (IOException e) {
            return false;
        }
    }

    private String latestName() {
        return repository
                .findFirstByDeletedAtIsNullOrderByNumberDesc()
                .map(ModelVersion::name)
                .orElse(null);
    }

    private static void moveBack(Path from, Path to) {
        try {
            if (Files.exists(from) && !Files.exists(to)) {
                LifecycleFiles.moveAtomically(from, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("version files left at " + from, e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            LifecycleFiles.deleteTree(folder);
        } catch (IOException ignored) {
            // Hidden leftovers are never listed as versions.
        }
    }
}
