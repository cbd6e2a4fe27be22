package dev.llmfleet.cli;

import static dev.llmfleet.cli.FleetConnection.TRAINER;

import dev.llmfleet.api.lifecycle.BackupCleanupReport;
import dev.llmfleet.api.lifecycle.BackupCleanupRequest;
import dev.llmfleet.api.lifecycle.BackupType;
import dev.llmfleet.api.lifecycle.BackupView;
import dev.llmfleet.api.lifecycle.EmergencyBackupRequest;
import dev.llmfleet.api.lifecycle.LifecycleClient;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Verified backups of the model versions. */
@Command(
        name = "backups",
        description = "Backups of model versions: list, create an emergency backup, clean up old ones.",
        subcommands = {BackupsCommand.ListBackups.class, BackupsCommand.Create.class, BackupsCommand.Cleanup.class})
final class BackupsCommand {

    @Command(name = "list", description = "Every backup, with the version it holds and when it was verified.")
    static final class ListBackups extends FleetCommand {
        @Override
        public Integer call() {
            List<BackupView> backups = client(TRAINER, LifecycleClient.class).backups();
            Output out = out();
            out.print(backups, () -> {
                if (backups.isEmpty()) {
                    out.line("No backups yet");
                    return;
                }
                out.table(
                        List.of("ID", "TYPE", "VERSION", "CREATED", "VERIFIED", "SIZE", "REASON"),
                        backups.stream()
                                .map(b -> List.of(
                                        b.id(),
                                        String.valueOf(b.type()),
                                        Formats.text(b.version()),
                                        Formats.time(b.createdAt()),
                                        Formats.time(b.verifiedAt()),
                                        Formats.bytes(b.sizeBytes()),
                                        Formats.cell(b.reason(), 50)))
                                .toList());
            });
            return ExitCodes.OK;
        }
    }

    @Command(name = "create", description = "Back up a version now (the current model unless --version).")
    static final class Create extends FleetCommand {
        @Option(
                names = "--type",
                defaultValue = "EMERGENCY",
                description =
                        "emergency: the one kind made on demand (the others come with consolidation and deletion)")
        BackupType type;

        @Option(names = "--reason", required = true, description = "Why, kept with the backup")
        String reason;

        @Option(names = "--version", paramLabel = "NAME", description = "The version to back up (default: current)")
        String version;

        @Override
        public Integer call() {
            if (type != BackupType.EMERGENCY) {
                throw usage("Only emergency backups are made on demand; "
                        + type.name().toLowerCase(Locale.ROOT) + " backups are made by consolidation and deletion");
            }
            BackupView backup = client(TRAINER, LifecycleClient.class)
                    .emergencyBackup(new EmergencyBackupRequest(version, reason, who()));
            Output out = out();
            out.print(
                    backup,
                    () -> out.line("Backed up %s as %s (verified %s)"
                            .formatted(backup.version(), backup.id(), Formats.time(backup.verifiedAt()))));
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "cleanup",
            description = "Remove backups older than the retention; a dry run unless --execute. The last verified"
                    + " backup of each version is always kept.")
    static final class Cleanup extends FleetCommand {
        @Option(
                names = "--retention-days",
                paramLabel = "N",
                description = "Remove backups older than N days (default: the trainer's configured retention)")
        Integer retentionDays;

        @Option(names = "--execute", description = "Really remove them (default: only say what would go)")
        boolean execute;

        @Override
        public Integer call() {
            if (retentionDays != null && retentionDays < 0) {
                throw usage("--retention-days must not be negative");
            }
            BackupCleanupReport report = client(TRAINER, LifecycleClient.class)
                    .cleanupBackups(new BackupCleanupRequest(retentionDays, execute));
            Output out = out();
            out.print(report, () -> {
                out.line((report.executed() ? "Removed %d backup(s)" : "Dry run: would remove %d backup(s)")
                        .formatted(report.removed().size()));
                report.removed().forEach(id -> out.line("  " + id));
                if (!report.keptAsLastVerified().isEmpty()) {
                    out.line("Kept as the last verified backup of their version:");
                    report.keptAsLastVerified().forEach(id -> out.line("  " + id));
                }
                if (!report.executed() && !report.removed().isEmpty()) {
                    out.line("Run again with --execute to remove them.");
                }
            });
            return ExitCodes.OK;
        }
    }
}
