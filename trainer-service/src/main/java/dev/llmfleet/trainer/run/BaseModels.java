package dev.llmfleet.trainer.run;

import dev.llmfleet.api.lifecycle.VersionView;
import dev.llmfleet.api.orchestrator.OrchestratorClient;
import dev.llmfleet.trainer.lifecycle.LifecyclePaths;
import dev.llmfleet.trainer.lifecycle.versions.VersionService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * What a run's {@code base} names: a version of this trainer ({@code v003}), {@code deployed} (the
 * version the orchestrator serves now; when nothing is deployed or the orchestrator cannot be
 * asked, the current version; with no version at all, scratch), or {@code scratch}.
 */
@Component
public class BaseModels {

    public static final String DEPLOYED = "deployed";
    public static final String SCRATCH = "scratch";

    private static final Log log = LogFactory.getLog(BaseModels.class);

    private final VersionService versions;
    private final LifecyclePaths paths;
    private final OrchestratorClient orchestrator;

    BaseModels(VersionService versions, LifecyclePaths paths, OrchestratorClient orchestrator) {
        this.versions = versions;
        this.paths = paths;
        this.orchestrator = orchestrator;
    }

    /**
     * A base as resolved.
     *
     * @param version the version it is, null for scratch
     * @param folder that version's folder, null for scratch
     * @param how how the name led there, for the run's history
     */
    public record Resolved(String version, Path folder, String how) {

        static Resolved scratch(String how) {
            return new Resolved(null, null, how);
        }

        public boolean isScratch() {
            return version == null;
        }
    }

    /** The base {@code name} stands for now; a version that does not exist is refused naming {@code run.base}. */
    public Resolved resolve(String name) {
        if (SCRATCH.equals(name)) {
            return Resolved.scratch("scratch");
        }
        List<VersionView> existing =
                versions.list().stream().filter(v -> v.deletedAt() == null).toList();
        if (DEPLOYED.equals(name)) {
            return deployed(existing);
        }
        return existing.stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .map(v -> new Resolved(v.name(), paths.version(v.name()), v.name()))
                .orElseThrow(() -> InvalidRunSettingsException.of(
                        "base",
                        "'" + name + "' is no version of this trainer; give deployed, scratch or one of "
                                + (existing.isEmpty()
                                        ? "its versions (it has none yet)"
                                        : String.join(
                                                ", ",
                                                existing.stream()
                                                        .map(VersionView::name)
                                                        .toList()))));
    }

    private Resolved deployed(List<VersionView> existing) {
        Optional<String> serving = servingVersion();
        if (serving.isPresent()) {
            Optional<VersionView> version = existing.stream()
                    .filter(v -> v.name().equals(serving.get()))
                    .findFirst();
            if (version.isPresent()) {
                return new Resolved(serving.get(), paths.version(serving.get()), serving.get() + ", deployed");
            }
        }
        return existing.stream()
                .filter(VersionView::current)
                .findFirst()
                .map(v -> new Resolved(
                        v.name(),
                        paths.version(v.name()),
                        v.name() + ", the current version ("
                                + serving.map(s -> s + " is deployed but is no version here")
                                        .orElse("nothing deployed, or the orchestrator did not answer")
                                + ")"))
                .orElseGet(() -> Resolved.scratch("scratch (no version yet)"));
    }

    private Optional<String> servingVersion() {
        try {
            return Optional.ofNullable(orchestrator.models().desiredVersion());
        } catch (RuntimeException e) {
            log.debug("Cannot ask the orchestrator which version is deployed: " + e);
            return Optional.empty();
        }
    }
}
