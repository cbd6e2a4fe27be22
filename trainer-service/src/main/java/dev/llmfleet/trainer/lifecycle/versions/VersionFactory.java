package dev.llmfleet.trainer.lifecycle.versions;

import dev.llmfleet.api.lifecycle.BackupType;
import dev.llmfleet.api.lifecycle.ConsolidationResult;
import dev.llmfleet.api.lifecycle.ConsolidationStep;
import dev.llmfleet.model.faults.HoldPoints;
import dev.llmfleet.trainer.lifecycle.LifecycleFiles;
import dev.llmfleet.trainer.lifecycle.LifecyclePaths;
import dev.llmfleet.trainer.lifecycle.backups.BackupService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the next version, one at a time, however its files come to be (a consolidated checkpoint,
 * an imported model folder): verified backup of the current model, build in a hidden folder,
 * verify, publish atomically, clean up. A failure at any step undoes what was done, deletes
 * nothing that existed before, and says which step failed.
 */
@Component
public class VersionFactory {

    private static final Log log = LogFactory.getLog(VersionFactory.class);

    private final VersionBuilder builder;
    private final VersionPublisher publisher;
    private final BackupService backups;
    private final ModelVersionRepository repository;
    private final LifecycleContext context;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    /** Writes the new version's files (a folder with its manifest) at {@code target}. */
    @FunctionalInterface
    public interface Build {
        void into(Path target) throws IOException;
    }

    /** How one kind of version creation is named in logs, backups and metrics. */
    public record Kind(String verb, String metric) {
        public static final Kind CONSOLIDATION = new Kind("consolidation", "fleet.trainer.consolidations");
        public static final Kind IMPORT = new Kind("import", "fleet.trainer.imports");
    }

    VersionFactory(
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

    /**
     * @param draft the version's metadata given the version that is current before it (its parent)
     * @param bytes about how large the new version is, for the disk guard
     */
    public ConsolidationResult create(
            Kind kind,
            String source,
            String createdBy,
            Function<Optional<String>, VersionDraft> draft,
            Build build,
            long bytes) {
        oneAtATime.lock();
        try {
            context.diskGuard().require(kind.verb(), context.paths().versions(), 2 * bytes);
            return run(kind, source, createdBy, draft, build);
        } finally {
            oneAtATime.unlock();
        }
    }

    private ConsolidationResult run(
            Kind kind, String source, String createdBy, Function<Optional<String>, VersionDraft> draft, Build build) {
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
                                "before " + kind.verb() + " of " + name,
                                createdBy)
                        .id();
            }
            completed(step, name);
            step = ConsolidationStep.BUILD;
            build.into(built);
            completed(step, name);
            step = ConsolidationStep.VERIFY;
            builder.verify(built, context.properties().verifyPrompt());
            completed(step, name);
            HoldPoints.reached(HoldPoints.CONSOLIDATION);
            step = ConsolidationStep.PUBLISH;
            ModelVersion version = publisher.publish(number, draft.apply(previous), built);
            published = true;
            completed(step, name);
            step = ConsolidationStep.CLEANUP;
            LifecycleFiles.deleteTree(buildDir);
            completed(step, name);
            context.meters()
                    .counter(kind.metric(), "outcome", "succeeded", "step", "none")
                    .increment();
            return ConsolidationResult.succeeded(version.toView(name, name), backup);
        } catch (IOException | RuntimeException e) {
            rollBack(name, built, previous, published);
            context.meters()
                    .counter(
                            kind.metric(),
                            "outcome",
                            "failed",
                            "step",
                            step.name().toLowerCase())
                    .increment();
            log.warn("The " + kind.verb() + " of " + source + " into " + name + " failed at " + step, e);
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
            log.error("Rolling back version " + name + " left work to finish by hand", e);
        }
    }

    private void completed(ConsolidationStep step, String name) {
        for (ConsolidationListener listener : context.listeners()) {
            listener.stepCompleted(step, name);
        }
    }
}
