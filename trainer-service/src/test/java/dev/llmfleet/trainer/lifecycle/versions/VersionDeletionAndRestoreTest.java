package dev.llmfleet.trainer.lifecycle.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmfleet.api.lifecycle.BackupCleanupReport;
import dev.llmfleet.api.lifecycle.BackupType;
import dev.llmfleet.api.lifecycle.BackupView;
import dev.llmfleet.api.lifecycle.ConsolidateRequest;
import dev.llmfleet.api.lifecycle.RestoreResult;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.trainer.lifecycle.ConsolidationFaults;
import dev.llmfleet.trainer.lifecycle.LifecycleFixtures;
import dev.llmfleet.trainer.lifecycle.LifecycleTest;
import dev.llmfleet.trainer.lifecycle.backups.BackupCleanup;
import dev.llmfleet.trainer.lifecycle.backups.BackupFailedException;
import dev.llmfleet.trainer.lifecycle.backups.BackupFaults;
import dev.llmfleet.trainer.lifecycle.backups.BackupService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@LifecycleTest
class VersionDeletionAndRestoreTest {

    @Autowired
    ConsolidationService consolidation;

    @Autowired
    VersionService versions;

    @Autowired
    BackupService backups;

    @Autowired
    BackupCleanup cleanup;

    @Autowired
    BackupFaults.CorruptingCopier copier;

    @Autowired
    ConsolidationFaults.Injector faults;

    @Autowired
    JdbcTemplate jdbc;

    Map<String, String> v001Files;

    @BeforeEach
    void twoVersionsTheSecondCurrent() throws IOException {
        LifecycleFixtures.reset(jdbc);
        consolidate(LifecycleFixtures.fullCheckpoint("run-a", 10, 1, 10));
        v001Files = LifecycleFixtures.digests(folder("v001"));
        consolidate(LifecycleFixtures.fullCheckpoint("run-a", 20, 2, 20));
    }

    @AfterEach
    void noFaults() {
        copier.reset();
        faults.reset();
    }

    @Test
    void deleteMakesAVerifiedBackupFirstAndTheVersionCanBeRestoredFromIt() throws IOException {
        BackupView backup = versions.delete("v001", "operator");

        assertThat(backup.type()).isEqualTo(BackupType.PRE_DELETION);
        assertThat(LifecycleFixtures.digests(Path.of(backup.location()))).isEqualTo(v001Files);
        assertThat(LifecycleFixtures.digests(Path.of(backup.secondLocation()))).isEqualTo(v001Files);
        assertThat(folder("v001")).doesNotExist();
        assertThat(versions.get("v001").deletedAt()).isNotNull();
        assertThat(versions.get("latest").name()).isEqualTo("v002");

        RestoreResult restored = versions.restore("v001");

        assertThat(restored.fromBackup()).isEqualTo(backup.id());
        assertThat(restored.version().current()).isTrue();
        assertThat(restored.version().deletedAt()).isNull();
        assertThat(LifecycleFixtures.digests(folder("v001"))).isEqualTo(v001Files);
    }

    @Test
    void aBackupWithOneCorruptedByteIsDetectedAndTheDeleteRefused() throws IOException {
        copier.corruptNextWeightsCopy();

        assertThatThrownBy(() -> versions.delete("v001", "operator"))
                .isInstanceOf(BackupFailedException.class)
                .hasMessageContaining("failed verification")
                .hasMessageContaining(ModelFiles.WEIGHTS);

        assertThat(LifecycleFixtures.digests(folder("v001"))).isEqualTo(v001Files);
        assertThat(versions.get("v001").deletedAt()).isNull();
        assertThat(backups.list()).noneMatch(b -> b.type() == BackupType.PRE_DELETION);
        assertThat(LifecycleFixtures.digests(LifecycleFixtures.trainerDir().resolve("backups")))
                .doesNotContainKeys("v001/" + ModelFiles.WEIGHTS)
                .allSatisfy((file, sha) -> assertThat(file).doesNotContain("pre_deletion"));
    }

    @Test
    void theCurrentModelCannotBeDeleted() {
        assertThatThrownBy(() -> versions.delete("v002", "operator"))
                .isInstanceOf(VersionStateException.class)
                .hasMessageContaining("current model");
        assertThat(folder("v002")).isDirectory();
    }

    @Test
    void restoreMakesAnIntactVersionCurrentWithoutABackup() {
        RestoreResult restored = versions.restore("v001");

        assertThat(restored.fromBackup()).isNull();
        assertThat(versions.get("current").name()).isEqualTo("v001");
    }

    @Test
    void aDamagedBackupCopyIsDetectedAndTheSecondLocationUsedInstead() throws IOException {
        BackupView backup = versions.delete("v001", "operator");
        LifecycleFixtures.corruptOneByte(Path.of(backup.location()).resolve(ModelFiles.WEIGHTS));

        versions.restoreFromBackup(backup.id());

        assertThat(LifecycleFixtures.digests(folder("v001"))).isEqualTo(v001Files);
    }

    @Test
    void aBackupDamagedInBothLocationsIsRefusedAndNothingIsTouched() throws IOException {
        BackupView backup = versions.delete("v001", "operator");
        LifecycleFixtures.corruptOneByte(Path.of(backup.location()).resolve(ModelFiles.WEIGHTS));
        LifecycleFixtures.corruptOneByte(Path.of(backup.secondLocation()).resolve(ModelFiles.WEIGHTS));

        assertThatThrownBy(() -> versions.restoreFromBackup(backup.id()))
                .isInstanceOf(BackupFailedException.class)
                .hasMessageContaining(ModelFiles.WEIGHTS);
        assertThat(folder("v001")).doesNotExist();
        assertThat(versions.get("current").name()).isEqualTo("v002");
    }

    @Test
    void cleanupIsADryRunUnlessToldAndNeverRemovesTheLastVerifiedBackupOfAVersion() throws IOException {
        BackupView first = backups.backupOf("v001", BackupType.EMERGENCY, "first", "operator");
        BackupView second = backups.backupOf("v001", BackupType.EMERGENCY, "second", "operator");
        BackupView onlyOfV002 = backups.backupOf("v002", BackupType.EMERGENCY, "only", "operator");
        LifecycleFixtures.corruptOneByte(Path.of(second.location()).resolve(ModelFiles.WEIGHTS));
        LifecycleFixtures.corruptOneByte(Path.of(second.secondLocation()).resolve(ModelFiles.WEIGHTS));

        BackupCleanupReport dryRun = cleanup.cleanup(Duration.ZERO, false);

        assertThat(dryRun.executed()).isFalse();
        assertThat(dryRun.removed()).containsExactlyInAnyOrder(second.id(), preConsolidationBackupId());
        assertThat(dryRun.keptAsLastVerified()).containsExactlyInAnyOrder(first.id(), onlyOfV002.id());
        assertThat(Path.of(second.location())).isDirectory();
        assertThat(backups.list()).hasSize(4);

        BackupCleanupReport executed = cleanup.cleanup(Duration.ZERO, true);

        assertThat(executed.removed()).isEqualTo(dryRun.removed());
        assertThat(Path.of(second.location())).doesNotExist();
        assertThat(Path.of(second.secondLocation())).doesNotExist();
        assertThat(backups.list()).extracting(BackupView::id).containsExactlyInAnyOrder(first.id(), onlyOfV002.id());
        assertThat(cleanup.cleanup(Duration.ofDays(30), true).removed()).isEmpty();
    }

    private String preConsolidationBackupId() {
        return backups.list().stream()
                .filter(b -> b.type() == BackupType.PRE_CONSOLIDATION)
                .findFirst()
                .orElseThrow()
                .id();
    }

    private void consolidate(Path checkpoint) {
        assertThat(consolidation
                        .consolidate(new ConsolidateRequest(
                                checkpoint.toString(), "test", List.of(), Map.of(), Map.of(), "tester"))
                        .succeeded())
                .isTrue();
    }

    private static Path folder(String version) {
        return LifecycleFixtures.trainerDir().resolve("versions").resolve(version);
    }
}
