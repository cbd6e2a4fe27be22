package dev.llmfleet.inference.model;

import dev.llmfleet.api.error.FleetException;
import dev.llmfleet.api.inference.ModelInfo;
import dev.llmfleet.api.inference.ReloadRequest;
import dev.llmfleet.api.inference.ReloadResult;
import dev.llmfleet.inference.InferenceProperties;
import dev.llmfleet.inference.engine.InferenceEngine;
import dev.llmfleet.inference.engine.InferenceException;
import dev.llmfleet.inference.engine.LoadedModel;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;

/**
 * Loads model versions and hot-swaps them into the engine: the new model is loaded beside the old
 * one and must pass a test generation before it takes any request. A failed load leaves the old
 * model serving. One reload at a time.
 */
@Service
public class ModelManager {

    private static final Log log = LogFactory.getLog(ModelManager.class);

    private final InferenceEngine engine;
    private final VersionDownloader downloader;
    private final InferenceProperties properties;
    private final Clock clock;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile ModelSource currentSource;

    ModelManager(InferenceEngine engine, VersionDownloader downloader, InferenceProperties properties, Clock clock) {
        this.engine = engine;
        this.downloader = downloader;
        this.properties = properties;
        this.clock = clock;
    }

    /** Loads what {@code request} names (or the current source again), tests it, and swaps it in. */
    public ReloadResult reload(ReloadRequest request) {
        if (!reloading.tryLock()) {
            throw InferenceException.reloadInProgress();
        }
        try {
            ModelSource source = sourceOf(request);
            long started = System.nanoTime();
            LoadedModel next = load(source);
            ModelInfo previous = engine.swap(next).orElse(null);
            currentSource = source;
            log.info("Now serving " + next.info().name() + " version "
                    + next.info().version() + " from " + source.describe());
            return new ReloadResult(previous, next.info(), (System.nanoTime() - started) / 1_000_000);
        } finally {
            reloading.unlock();
        }
    }

    public ModelInfo info() {
        return engine.currentModel().orElseThrow(InferenceException::noModelLoaded);
    }

    private ModelSource sourceOf(ReloadRequest request) {
        boolean hasVersion = request != null
                && request.version() != null
                && !request.version().isBlank();
        boolean hasPath =
                request != null && request.path() != null && !request.path().isBlank();
        if (hasVersion && hasPath) {
            throw InferenceException.invalid("version", "Give either a version or a path, not both");
        }
        if (hasVersion) {
            return ModelSource.ofVersion(request.version());
        }
        if (hasPath) {
            return ModelSource.ofPath(Path.of(request.path()));
        }
        ModelSource current = currentSource;
        if (current == null) {
            throw InferenceException.invalid("version", "No model is loaded yet: name a version or a path");
        }
        return current;
    }

    private LoadedModel load(ModelSource source) {
        try {
            Path folder = source.path() != null ? source.path() : downloader.download(source.version());
            LoadedModel model = LoadedModel.load(
                    CheckpointReader.open(folder),
                    properties.modelName(),
                    source.versionName(),
                    source.describe(),
                    clock.instant(),
                    properties.limits().maxContext());
            try {
                model.selfTest(properties.readiness().selfTestTokens());
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
            return model;
        } catch (FleetException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Loading " + source.describe() + " failed; the previous model keeps serving", e);
            throw InferenceException.loadFailed(source.describe(), e);
        }
    }
}
