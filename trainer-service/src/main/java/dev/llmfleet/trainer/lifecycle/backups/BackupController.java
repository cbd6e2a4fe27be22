package dev.llmfleet.trainer.lifecycle.backups;

import dev.llmfleet.api.lifecycle.BackupCleanupReport;
import dev.llmfleet.api.lifecycle.BackupCleanupRequest;
import dev.llmfleet.api.lifecycle.BackupType;
import dev.llmfleet.api.lifecycle.BackupView;
import dev.llmfleet.api.lifecycle.EmergencyBackupRequest;
import dev.llmfleet.trainer.lifecycle.LifecycleProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Backups: list, on-demand (emergency) backups and cleanup. Restoring one is a version operation. */
@RestController
@RequestMapping("/api/trainer/backups")
class BackupController {

    private final BackupService backups;
    private final BackupCleanup cleanup;
    private final LifecycleProperties properties;

    BackupController(BackupService backups, BackupCleanup cleanup, LifecycleProperties properties) {
        this.backups = backups;
        this.cleanup = cleanup;
        this.properties = properties;
    }

    @GetMapping
    List<BackupView> list() {
        return backups.list();
    }

    @GetMapping("/{id}")
    BackupView get(@PathVariable String id) {
        return backups.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BackupView emergency(@RequestBody EmergencyBackupRequest request) {
        return backups.backupOf(request.version(), BackupType.EMERGENCY, request.reason(), request.createdBy());
    }

    @PostMapping("/cleanup")
    BackupCleanupReport cleanup(@RequestBody BackupCleanupRequest request) {
        Duration age = request.olderThanDays() == null
                ? properties.backupRetention()
                : Duration.ofDays(request.olderThanDays());
        if (age.isNegative()) {
            throw InvalidBackupRequestException.negativeAge();
        }
        return cleanup.cleanup(age, request.execute());
    }
}
