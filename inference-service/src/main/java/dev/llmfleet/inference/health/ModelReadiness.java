package dev.llmfleet.inference.health;

import dev.llmfleet.api.inference.ModelInfo;
import dev.llmfleet.inference.InferenceProperties;
import dev.llmfleet.inference.engine.GenerationRequest;
import dev.llmfleet.inference.engine.InferenceEngine;
import dev.llmfleet.inference.engine.PromptInput;
import dev.llmfleet.inference.engine.SamplingSettings;
import dev.llmfleet.model.chat.ChatMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Ready means: a model is loaded and the engine really generates. A generation that finished
 * recently proves it; otherwise a short self-test generation goes through the same queue and
 * batch as every request.
 */
@Component
class ModelReadiness {

    record Verdict(boolean ready, String reason, ModelInfo model) {}

    private final InferenceEngine engine;
    private final InferenceProperties.Readiness settings;
    private final Clock clock;

    ModelReadiness(InferenceEngine engine, InferenceProperties properties, Clock clock) {
        this.engine = engine;
        this.settings = properties.readiness();
        this.clock = clock;
    }

    Verdict check() {
        Optional<ModelInfo> model = engine.currentModel();
        if (model.isEmpty()) {
            return new Verdict(false, "no model loaded", null);
        }
        Instant recent = clock.instant().minus(settings.recentGeneration());
        if (engine.lastCompletion().filter(at -> at.isAfter(recent)).isPresent()) {
            return new Verdict(true, "a generation completed recently", model.get());
        }
        try {
            engine.submit(new GenerationRequest(
                            new PromptInput.Chat(List.of(ChatMessage.user("ping"))),
                            SamplingSettings.greedy(settings.selfTestTokens())))
                    .await(settings.selfTestTimeout());
            return new Verdict(true, "self-test generation passed", model.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Verdict(false, "interrupted", model.get());
        } catch (RuntimeException e) {
            return new Verdict(false, "self-test generation failed: " + e.getMessage(), model.get());
        }
    }
}
