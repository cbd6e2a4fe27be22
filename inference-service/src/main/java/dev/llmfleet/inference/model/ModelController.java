package dev.llmfleet.inference.model;

import dev.llmfleet.api.inference.ModelInfo;
import dev.llmfleet.api.inference.ReloadRequest;
import dev.llmfleet.api.inference.ReloadResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/models")
class ModelController {

    private final ModelManager models;

    ModelController(ModelManager models) {
        this.models = models;
    }

    @GetMapping("/info")
    ModelInfo info() {
        return models.info();
    }

    @PostMapping("/reload")
    ReloadResult reload(@RequestBody(required = false) ReloadRequest request) {
        return models.reload(request == null ? ReloadRequest.current() : request);
    }
}
