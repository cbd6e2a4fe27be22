package dev.llmfleet.api.inference;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The inference host's model management API (the OpenAI endpoints are for OpenAI clients). */
@HttpExchange("/models")
public interface InferenceClient {

    @GetExchange("/info")
    ModelInfo info();

    @PostExchange("/reload")
    ReloadResult reload(@RequestBody ReloadRequest request);
}
