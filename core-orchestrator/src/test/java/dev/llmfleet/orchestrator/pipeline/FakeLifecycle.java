package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.lifecycle.BackupCleanupReport;
import dev.llmfleet.api.lifecycle.BackupCleanupRequest;
import dev.llmfleet.api.lifecycle.BackupView;
import dev.llmfleet.api.lifecycle.CheckpointPinRequest;
import dev.llmfleet.api.lifecycle.CheckpointPinView;
import dev.llmfleet.api.lifecycle.ConsolidateRequest;
import dev.llmfleet.api.lifecycle.ConsolidationResult;
import dev.llmfleet.api.lifecycle.EmergencyBackupRequest;
import dev.llmfleet.api.lifecycle.ImportRequest;
import dev.llmfleet.api.lifecycle.ImportedVersion;
import dev.llmfleet.api.lifecycle.LifecycleClient;
import dev.llmfleet.api.lifecycle.RestoreResult;
import dev.llmfleet.api.lifecycle.RetentionReport;
import dev.llmfleet.api.lifecycle.RetentionRequest;
import dev.llmfleet.api.lifecycle.VersionView;
import dev.llmfleet.orchestrator.TestVersions;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;

/** The training host's versions: consolidation makes {@code v001}, {@code v002}, ...; can lose an answer. */
class FakeLifecycle implements LifecycleClient {

    private final List<VersionView> versions = new ArrayList<>();
    final List<ConsolidateRequest> consolidations = new ArrayList<>();
    volatile boolean down;
    /** The next consolidation makes its version but its answer never arrives (a timeout). */
    volatile boolean loseNextAnswer;

    synchronized void reset() {
        versions.clear();
        consolidations.clear();
        down = false;
        loseNextAnswer = false;
    }

    /** A version made outside the pipeline (by hand, or before it existed). */
    synchronized VersionView made(String sourceCheckpoint) {
        VersionView version =
                TestVersions.of("v%03d".formatted(versions.size() + 1), sourceCheckpoint, "alice", true, null);
        versions.add(version);
        return version;
    }

    @Override
    public synchronized List<VersionView> versions() {
        reachable();
        return List.copyOf(versions);
    }

    @Override
    public synchronized VersionView version(String name) {
        reachable();
        return versions.stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () -> HttpClientErrorException.create(HttpStatus.NOT_FOUND, "Not Found", null, null, null));
    }

    @Override
    public synchronized ConsolidationResult consolidate(ConsolidateRequest request) {
        reachable();
        consolidations.add(request);
        VersionView version = TestVersions.of(
                "v%03d".formatted(versions.size() + 1), request.sourceCheckpoint(), request.createdBy(), true, null);
        versions.add(version);
        if (loseNextAnswer) {
            loseNextAnswer = false;
            throw new ResourceAccessException("Read timed out");
        }
        return ConsolidationResult.succeeded(version, null);
    }

    private void reachable() {
        if (down) {
            throw new ResourceAccessException("Connection refused: trainer-service");
        }
    }

    @Override
    public ImportedVersion importModel(ImportRequest request) {
        throw new UnsupportedOperationException("the pipeline never imports models");
    }

    @Override
    public RestoreResult restore(String version) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BackupView delete(String version) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<BackupView> backups() {
        throw new UnsupportedOperationException();
    }

    @Override
    public BackupView emergencyBackup(EmergencyBackupRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RestoreResult restoreBackup(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BackupCleanupReport cleanupBackups(BackupCleanupRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RetentionReport applyRetention(RetentionRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<CheckpointPinView> pins() {
        throw new UnsupportedOperationException();
    }

    @Override
    public CheckpointPinView pin(CheckpointPinRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void unpin(long id) {
        throw new UnsupportedOperationException();
    }
}
