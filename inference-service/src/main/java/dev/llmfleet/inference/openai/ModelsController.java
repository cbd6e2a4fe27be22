package dev.llmfleet.inference.openai;

import dev.llmfleet.api.inference.ModelInfo;
import dev.llmfleet.inference.engine.InferenceEngine;
import dev.llmfleet.inference.engine.InferenceException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/models}: the served model under its stable name (empty before one is loaded). */
@RestController
class ModelsController {

    private static final String OWNER = "llm-fleet";

    private final InferenceEngine engine;

    ModelsController(InferenceEngine engine) {
        this.engine = engine;
    }

    @GetMapping("/v1/models")
    ModelList list() {
        return new ModelList(
                "list",
                engine.currentModel().map(ModelsController::model).stream().toList());
    }

    @GetMapping("/v1/models/{id}")
    ModelList.Model get(@PathVariable String id) {
        return engine.currentModel()
                .filter(info -> info.name().equals(id))
                .map(ModelsController::model)
                .orElseThrow(() -> InferenceException.unknownModel(id));
    }

    private static ModelList.Model model(ModelInfo info) {
        return new ModelList.Model(info.name(), "model", info.loadedAt().getEpochSecond(), OWNER);
    }
}
