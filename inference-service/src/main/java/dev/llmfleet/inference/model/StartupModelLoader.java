package dev.llmfleet.inference.model;

import dev.llmfleet.api.inference.ReloadRequest;
import dev.llmfleet.inference.InferenceProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads {@code fleet.inference.model-dir} (or {@code fleet.inference.version}) once the service is
 * up, on its own thread: the service answers health at once and is ready when the model is.
 */
@Component
class StartupModelLoader {

    private static final Log log = LogFactory.getLog(StartupModelLoader.class);

    private final ModelManager models;
    private final InferenceProperties properties;

    StartupModelLoader(ModelManager models, InferenceProperties properties) {
        this.models = models;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadConfiguredModel() {
        ReloadRequest request;
        if (properties.modelDir() != null) {
            request = ReloadRequest.ofPath(properties.modelDir().toString());
        } else if (properties.version() != null && !properties.version().isBlank()) {
            request = ReloadRequest.ofVersion(properties.version());
        } else {
            log.info("No fleet.inference.model-dir or version set: waiting for POST /models/reload");
            return;
        }
        Thread.ofPlatform().name("model-loader").start(() -> {
            try {
                models.reload(request);
            } catch (RuntimeException e) {
                log.error("Could not load the configured model; the service stays unready", e);
            }
        });
    }
}
