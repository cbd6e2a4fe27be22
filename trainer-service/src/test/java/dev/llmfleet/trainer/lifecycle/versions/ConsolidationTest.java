package dev.llmfleet.trainer.lifecycle.versions;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.llmfleet.api.lifecycle.BackupType;
import dev.llmfleet.api.lifecycle.BackupView;
import dev.llmfleet.api.lifecycle.ConsolidateRequest;
import dev.llmfleet.api.lifecycle.ConsolidationResult;
import dev.llmfleet.api.lifecycle.ConsolidationStep;
import dev.llmfleet.api.lifecycle.VersionView;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.trainer.lifecycle.ConsolidationFaults;
import dev.llmfleet.trainer.lifecycle.LifecycleFixtures;
import dev.llmfleet.trainer.lifecycle.LifecycleTest;
import dev.llmfleet.trainer.lifecycle.backups.BackupFaults;
import dev.llmfleet.trainer.lifecycle.backups.BackupService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@LifecycleTest
class ConsolidationTest {

    @Autowired
    ConsolidationService consolidation;

    @Autowired
    VersionService versions;

    @Autowired
    BackupService backups;

    @Autowired
    ConsolidationFaults.Injector faults;

    @Autowired
    BackupFaults.CorruptingCopier copier;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void startEmpty() throws IOException {
        LifecycleFixtures.reset(jdbc);
    }

    @AfterEach
    void noFaults() {
        faults.reset();
        copier.reset();
    }

    @Test
    void consolidatesAFullCheckpointIntoTheFirstVersionAndMakesItCurrent() throws IOException {
        Path checkpoint = LifecycleFixtures.fullCheckpoint("run-a", 10, 1, 10);

        ConsolidationResult result = consolidation.consolidate(request(checkpoint, "first"));

        assertThat(result.succeeded()).isTrue();
        VersionView v001 = result.version();
        assertThat(v001.name()).isEqualTo("v001");
        assertThat(v001.trainingMode()).isEqualTo("full");
        assertThat(v001.parent()).isNull();
        assertThat(v001.datasets()).containsExactly("ab".repeat(32));
        assertThat(v001.metrics()).containsEntry("loss", 1.5);
        assertThat(v001.createdBy()).isEqualTo("tester");
        assertThat(versions.get("latest").name()).isEqualTo("v001");
        assertThat(versions.get("current").name()).isEqualTo("v001");
        Path folder = versions.verifiedFolder("v001");
        assertThat(Files.readAllBytes(folder.resolve(ModelFiles.WEIGHTS)))
                .isEqualTo(Files.readAllBytes(checkpoint.resolve(ModelFiles.WEIGHTS)));
        assertThat(folder.resolve("training-state.json")).doesNotExist();
        assertThat(result.backup()).isNull();
    }

    @Test
    void consolidatesALoraRunByMergingTheAdapterIntoItsBaseVersion() throws IOException {
        consolidation.consolidate(request(LifecycleFixtures.fullCheckpoint("run-a", 10, 1, 10), "base"));
        Path base = versions.verifiedFolder("v001");
        Path adapter = LifecycleFixtures.adapterCheckpoint("run-b", 5, base, 3);

        ConsolidationResult result = consolidation.consolidate(request(adapter, "adapter merged"));

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.version().name()).isEqualTo("v002");
        assertThat(result.version().trainingMode()).isEqualTo("lora");
        assertThat(result.version().parent()).isEqualTo("v001");
        assertThat(versions.get("current").name()).isEqualTo("v002");
        BackupView backup = backups.get(result.backup());
        assertThat(backup.type()).isEqualTo(BackupType.PRE_CONSOLIDATION);
        assertThat(backup.version()).isEqualTo("v001");
        assertThat(backup.secondLocation()).isNotNull();
        try (NDManager manager = NDManager.newBaseManager();
                CausalLanguageModel merged =
                        ModelFiles.loadModel(CheckpointReader.open(versions.verifiedFolder("v002")), manager);
                CausalLanguageModel adapted =
                        LoraFiles.load(CheckpointReader.open(adapter), CheckpointReader.open(base), manager)) {
            NDArray tokens = manager.create(new long[] {5, 17, 42, 99, 3, 250}, new Shape(1, 6))
                    .toType(DataType.INT64, false);
            float difference = merged.forward(tokens, null)
                    .sub(adapted.forward(tokens, null))
                    .abs()
                    .max()
                    .getFloat();
            assertThat(difference).isLessThan(1e-4f);
        }
    }

    @ParameterizedTest
    @EnumSource(ConsolidationStep.class)
    void aFailureAtAnyStepLeavesVersionsAndTheCurrentModelExactlyAsTheyWere(ConsolidationStep step) throws IOException {
        consolidation.consolidate(request(LifecycleFixtures.fullCheckpoint("run-a", 10, 1, 10), "one"));
        consolidation.consolidate(request(LifecycleFixtures.fullCheckpoint("run-a", 20, 2, 20), "two"));
        Map<String, String> versionFiles = LifecycleFixtures.digests(versionsDir());
        Map<String, String> currentFiles =
                LifecycleFixtures.digests(currentLink().toRealPath());
        List<VersionView> before = versions.list();
        faults.failAfter(step);

        ConsolidationResult result =
                consolidation.consolidate(request(LifecycleFixtures.fullCheckpoint("run-a", 30, 3, 30), "three"));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failedStep()).isEqualTo(step);
        assertThat(result.message()).contains("injected failure after " + step);
        assertThat(LifecycleFixtures.digests(versionsDir())).isEqualTo(versionFiles);
        assertThat(LifecycleFixtures.digests(currentLink().toRealPath())).isEqualTo(currentFiles);
        assertThat(Files.readSymbolicLink(currentLink()).getFileName()).hasToString("v002");
        assertThat(versions.list()).isEqualTo(before);
        assertThat(hiddenLeftovers()).isEmpty();
    }

    @Test
    void aBackupThatFailsVerificationStopsTheConsolidationBeforeAnythingIsBuilt() throws IOException {
        consolidation.consolidate(request(LifecycleFixtures.fullCheckpoint("run-a", 10, 1, 10), "one"));
        Map<String, String> versionFiles = LifecycleFixtures.digests(versionsDir());
        copier.corruptNextWeightsCopy();

        ConsolidationResult result =
                consolidation.consolidate(request(LifecycleFixtures.fullCheckpoint("run-a", 20, 2, 20), "two"));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failedStep()).isEqualTo(ConsolidationStep.BACKUP);
        assertThat(result.message()).contains("failed verification").contains(ModelFiles.WEIGHTS);
        assertThat(backups.list()).isEmpty();
        assertThat(LifecycleFixtures.digests(versionsDir())).isEqualTo(versionFiles);
        assertThat(versions.get("current").name()).isEqualTo("v001");
    }

    @Test
    void anAdapterWhoseBaseIsNoVersionFailsAtBuildAndChangesNothing() throws IOException {
        consolidation.consolidate(request(LifecycleFixtures.fullCheckpoint("run-a", 10, 1, 10), "one"));
        Path foreignBase = LifecycleFixtures.fullCheckpoint("run-x", 1, 77, 1);
        Path adapter = LifecycleFixtures.adapterCheckpoint("run-b", 5, foreignBase, 3);
        Map<String, String> versionFiles = LifecycleFixtures.digests(versionsDir());

        ConsolidationResult result = consolidation.consolidate(request(adapter, "orphan"));

        assertThat(result.failedStep()).isEqualTo(ConsolidationStep.BUILD);
        assertThat(result.message()).contains("is not an existing version");
        assertThat(LifecycleFixtures.digests(versionsDir())).isEqualTo(versionFiles);
        assertThat(versions.list()).extracting(VersionView::name).containsExactly("v001");
    }

    private static ConsolidateRequest request(Path checkpoint, String description) {
        return new ConsolidateRequest(
                checkpoint.toString(),
                description,
                List.of("ab".repeat(32)),
                Map.of("loss", 1.5),
                Map.of("validation_loss", 1.7),
                "tester");
    }

    private static Path versionsDir() {
        return LifecycleFixtures.trainerDir().resolve("versions");
    }

    private static Path currentLink() {
        return LifecycleFixtures.trainerDir().resolve("current");
    }

    private static List<String> hiddenLeftovers() throws IOException {
        try (var children = Files.list(versionsDir())) {
            return children.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("."))
                    .toList();
        }
    }
}
