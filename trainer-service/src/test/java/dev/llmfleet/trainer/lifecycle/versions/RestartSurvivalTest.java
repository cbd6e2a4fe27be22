package dev.llmfleet.trainer.lifecycle.versions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.lifecycle.BackupType;
import dev.llmfleet.api.lifecycle.BackupView;
import dev.llmfleet.api.lifecycle.ConsolidateRequest;
import dev.llmfleet.api.lifecycle.VersionView;
import dev.llmfleet.trainer.TrainerServiceApplication;
import dev.llmfleet.trainer.lifecycle.LifecycleFiles;
import dev.llmfleet.trainer.lifecycle.LifecycleFixtures;
import dev.llmfleet.trainer.lifecycle.backups.BackupService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two lives of the trainer on one data folder and one database: what the first made, the second finds. */
class RestartSurvivalTest {

    private static final Path DATA = Path.of("target/lifecycle-restart-data").toAbsolutePath();
    private static final Path SECOND =
            Path.of("target/lifecycle-restart-second").toAbsolutePath();

    @Test
    void versionsBackupsAndTheirMetadataSurviveARestart() throws IOException {
        LifecycleFiles.deleteTree(DATA);
        LifecycleFiles.deleteTree(SECOND);
        Path runs = DATA.resolve("trainer/runs-lifecycle");
        List<VersionView> versionsBefore;
        List<BackupView> backupsBefore;
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(JdbcTemplate.class).execute("TRUNCATE model_backup, model_version, checkpoint_pin");
            ConsolidationService consolidation = first.getBean(ConsolidationService.class);
            for (int i = 1; i <= 2; i++) {
                Path checkpoint = LifecycleFixtures.fullCheckpoint("run", i, i, i);
                Path moved = runs.resolve("run/checkpoints").resolve(checkpoint.getFileName());
                copyFolder(checkpoint, moved);
                assertThat(consolidation
                                .consolidate(new ConsolidateRequest(
                                        moved.toString(),
                                        "life one #" + i,
                                        List.of("cd".repeat(32)),
                                        Map.of("loss", 1.0 / i),
                                        Map.of(),
                                        "first-life"))
                                .succeeded())
                        .isTrue();
            }
            first.getBean(BackupService.class).backupOf(null, BackupType.EMERGENCY, "before restart", "operator");
            versionsBefore = first.getBean(VersionService.class).list();
            backupsBefore = first.getBean(BackupService.class).list();
        }

        try (ConfigurableApplicationContext second = start()) {
            VersionService versions = second.getBean(VersionService.class);
            BackupService backups = second.getBean(BackupService.class);

            assertThat(versions.list()).isEqualTo(versionsBefore);
            assertThat(versions.get("current").name()).isEqualTo("v002");
            assertThat(versions.get("v002").metrics()).containsEntry("loss", 0.5);
            assertThat(backups.list()).isEqualTo(backupsBefore).hasSize(2);
            for (BackupView backup : backupsBefore) {
                assertThat(backups.verifiedFolder(backup.id())).isEqualTo(Path.of(backup.location()));
            }
            assertThat(versions.manifest("v001").files()).hasSize(4);
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TrainerServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--fleet.registry.enabled=false",
                        "--fleet.security.enabled=false",
                        "--fleet.trainer.worker.enabled=false",
                        "--fleet.trainer.inbox.enabled=false",
                        "--fleet.trainer.device.report-enabled=false",
                        "--fleet.data-dir=" + DATA,
                        "--fleet.trainer.lifecycle.second-backup-location=" + SECOND);
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        java.nio.file.Files.createDirectories(to);
        for (Path file : LifecycleFiles.filesOf(from)) {
            LifecycleFiles.copyFile(file, to.resolve(file.getFileName()));
        }
    }
}
