package dev.llmfleet.trainer.lifecycle.backups;

import dev.llmfleet.api.lifecycle.BackupCleanupReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes backups older than a retention age, a dry run unless told to execute. The newest backup
 * of each version that still verifies is never removed, however old.
 */
@Service
public class BackupCleanup {

    private final BackupRepository repository;
    private final BackupService backups;
    private final Clock clock;

    BackupCleanup(BackupRepository repository, BackupService backups, Clock clock) {
        this.repository = repository;
        this.backups = backups;
        this.clock = clock;
    }

    @Transactional
    public BackupCleanupReport cleanup(Duration olderThan, boolean execute) {
        Instant cutoff = clock.instant().minus(olderThan);
        Set<String> versions = new HashSet<>();
        Set<String> protectedIds = new HashSet<>();
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (ModelBackup backup : repository.findAllByOrderByCreatedAtDesc()) {
            if (versions.add(backup.versionName())) {
                backups.lastVerified(backup.versionName()).ifPresent(last -> protectedIds.add(last.id()));
            }
            if (!backup.createdAt().isBefore(cutoff)) {
                continue;
            }
            if (protectedIds.contains(backup.id())) {
                kept.add(backup.id());
                continue;
            }
            removed.add(backup.id());
            if (execute) {
                remove(backup);
            }
        }
        return new BackupCleanupReport(execute, removed, kept);
    }

    private void remove(ModelBackup backup) {
        repository.delete(backup);
        BackupFolders.deleteQuietly(backup.location());
        Path second = backup.secondLocation();
        if (second != null) {
            BackupFolders.deleteQuietly(second);
        }
    }
}
