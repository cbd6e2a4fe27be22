package dev.llmfleet.trainer.lifecycle.versions;

import dev.llmfleet.api.lifecycle.BackupType;
import dev.llmfleet.api.lifecycle.ConsolidateRequest;
import dev.llmfleet.api.lifecycle.ConsolidationResult;
import dev.llmfleet.api.lifecycle.ConsolidationStep;
import dev.llmfleet.model.checkpoint.CheckpointCorruptedException;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.trainer.lifecycle.LifecycleFiles;
import dev.llmfleet.trainer.lifecycle.LifecyclePaths;
import dev.llmfleet.trainer.lifecycle.backups.BackupService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;

/**
 * Turns a run's checkpoint into the next version: verified backup of the current model, build in a
 * hidden folder, verify, publish atomically, clean up. A failure at any step undoes what the
 * consolidation did, deletes nothing that existed before, and says which step failed. The source
 * is named relative to the trainer's data folder, as the checkpoint listing gives it
 * ({@code runs/<jobId>/checkpoints/step-00000100}), or by its absolute path inside that folder.
 */
@Service
public class ConsolidationService {

    private static final Log log = LogFactory.getLog(ConsolidationService.class);

    private final VersionBuilder builder;
    private final VersionPublisher publisher;
    private final BackupService backups;
    private final ModelVersionRepository repository;
    private final LifecycleContext context;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final Set<Path> sourcesInUse = ConcurrentHashMap.newKeySet();

    ConsolidationService(
            VersionBuilder builder,
            VersionPublisher publisher,
            BackupService backups,
            ModelVersionRepository repository,
            LifecycleContext context) {
        this.builder = builder;
        this.publisher = publisher;
        this.backups = backups;
        this.repository = repository;
        this.context = context;
    }

    public ConsolidationResult consolidate(ConsolidateRequest request) {
        VerifiedCheckpoint source = verifiedSource(request.sourceCheckpoint());
        oneAtATime.lock();
        sourcesInUse.add(source.directory());
        try {
            context.diskGuard().require("consolidation", context.paths().versions(), 2 * size(source.directory()));
            return run(request, source);
        } finally {
            sourcesInUse.remove(source.directory());
            oneAtATime.unlock();
        }
    }

    /** Checkpoints a consolidation is reading right now; retention must leave them alone. */
    public Set<Path> sourcesInUse() {
        return Set.copyOf(sourcesInUse);
    }

    private ConsolidationResult run(ConsolidateRequest request, VerifiedCheckpoint source) {
        LifecyclePaths paths = context.paths();
        int number = repository.maxNumber() + 1;
        String name = ModelVersion.nameFor(number);
        Optional<String> previous = paths.currentVersion();
        Path buildDir = paths.versions().resolve(".build-" + name + "-" + UUID.randomUUID());
        Path built = buildDir.resolve("model");
        ConsolidationStep step = ConsolidationStep.BACKUP;
        String backup = null;
        boolean published = false;
        try {
            if (previous.isPresent()) {
                backup = backups.backup(
                                previous.get(),
                                paths.version(previous.get()),
                                BackupType.PRE_CONSOLIDATION,
                                "before " + name,
                                request.createdBy())
                        .id();
            }
            completed(step, name);
            step = ConsolidationStep.BUILD;
            builder.build(source, built);
            completed(step, name);
            step = ConsolidationStep.VERIFY;
            builder.verify(built, context.properties().verifyPrompt());
            completed(step, name);
            step = ConsolidationStep.PUBLISH;
            ModelVersion version = publisher.publish(number, draft(request, source, previous), built);
            published = true;
            completed(step, name);
            step = ConsolidationStep.CLEANUP;
            LifecycleFiles.deleteTree(buildDir);
            completed(step, name);
            context.meters()
                    .counter("fleet.trainer.consolidations", "outcome", "succeeded", "step", "none")
                    .increment();
            return ConsolidationResult.succeeded(version.toView(name, name), backup);
        } catch (IOException | RuntimeException e) {
            rollBack(name, built, previous, published);
            context.meters()
                    .counter(
                            "fleet.trainer.consolidations",
                            "outcome",
                            "failed",
                            "step",
                            step.name().toLowerCase())
                    .increment();
            log.warn("Consolidation of " + request.sourceCheckpoint() + " into " + name + " failed at " + step, e);
            return ConsolidationResult.failed(step, String.valueOf(e.getMessage()), backup);
        }
    }

    private void rollBack(String name, Path built, Optional<String> previous, boolean published) {
        try {
            if (published) {
                publisher.unpublish(name, built, previous);
            }
            LifecycleFiles.deleteTree(built.getParent());
        } catch (IOException | RuntimeException e) {
            log.error("Rolling back consolidation " + name + " left work to finish by hand", e);
        }
    }

    private void completed(ConsolidationStep step, String name) {
        for (ConsolidationListener listener : context.listeners()) {
            listener.stepCompleted(step, name);
        }
    }

    private VerifiedCheckpoint verifiedSource(String checkpoint) {
        Path folder = context.paths()
                .resolveInside(checkpoint)
                .orElseThrow(() -> InvalidConsolidationException.outsideDataFolder(checkpoint));
        try {
            return CheckpointReader.open(folder);
        } catch (CheckpointCorruptedException e) {
            throw InvalidConsolidationException.unusableSource(checkpoint, e.getMessage());
        }
    }

    private static VersionDraft draft(
            ConsolidateRequest request, VerifiedCheckpoint source, Optional<String> previous) {
        return new VersionDraft(
                request.description(),
                previous.orElse(null),
                source.directory().toString(),
                LoraFiles.isAdapter(source) ? "lora" : "full",
                List.copyOf(request.datasets()),
                request.metrics(),
                request.evaluation(),
                request.createdBy());
    }

    private static long size(Path folder) {
        try {
            return LifecycleFiles.size(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
