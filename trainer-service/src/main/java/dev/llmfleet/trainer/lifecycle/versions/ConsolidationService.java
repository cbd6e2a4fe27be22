package dev.llmfleet.trainer.lifecycle.versions;

import dev.llmfleet.api.lifecycle.ConsolidateRequest;
import dev.llmfleet.api.lifecycle.ConsolidationResult;
import dev.llmfleet.model.checkpoint.CheckpointCorruptedException;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.trainer.lifecycle.LifecycleFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Turns a run's checkpoint into the next version (through {@link VersionFactory}: backup, build,
 * verify, publish, clean up, all undone on failure): a full checkpoint's model files as they are, an
 * adapter merged into the version it was trained on. The source
 * is named relative to the trainer's data folder, as the checkpoint listing gives it
 * ({@code runs/<jobId>/checkpoints/step-00000100}), or by its absolute path inside that folder.
 */
@Service
public class ConsolidationService {

    private final VersionFactory factory;
    private final VersionBuilder builder;
    private final LifecycleContext context;
    private final Set<Path> sourcesInUse = ConcurrentHashMap.newKeySet();

    ConsolidationService(VersionFactory factory, VersionBuilder builder, LifecycleContext context) {
        this.factory = factory;
        this.builder = builder;
        this.context = context;
    }

    public ConsolidationResult consolidate(ConsolidateRequest request) {
        VerifiedCheckpoint source = verifiedSource(request.sourceCheckpoint());
        sourcesInUse.add(source.directory());
        try {
            return factory.create(
                    VersionFactory.Kind.CONSOLIDATION,
                    request.sourceCheckpoint(),
                    request.createdBy(),
                    previous -> draft(request, source, previous),
                    built -> builder.build(source, built),
                    size(source.directory()));
        } finally {
            sourcesInUse.remove(source.directory());
        }
    }

    /** Checkpoints a consolidation is reading right now; retention must leave them alone. */
    public Set<Path> sourcesInUse() {
        return Set.copyOf(sourcesInUse);
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

    static long size(Path folder) {
        try {
            return LifecycleFiles.size(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
