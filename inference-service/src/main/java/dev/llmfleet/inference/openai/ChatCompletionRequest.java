package dev.llmfleet.inference.openai;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * OpenAI's chat completion request; fields the engine does not use are accepted and ignored.
 * {@code top_k} and {@code chat_template_kwargs} (e.g. {@code {"enable_thinking": false}}) are
 * vLLM's extensions, which OpenAI clients send through their extra-body option.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ChatCompletionRequest(
        String model,
        List<Message> messages,
        Double temperature,
        Double topP,
        Integer topK,
        Integer maxTokens,
        Integer maxCompletionTokens,
        Object stop,
        Integer n,
        Long seed,
        Boolean stream,
        StreamOptions streamOptions,
        Boolean logprobs,
        Integer topLogprobs,
        Map<String, Object> chatTemplateKwargs) {

    /** {@code content} is a string or an array of {@code {"type":"text","text":...}} parts. */
    record Message(String role, Object content) {}
}
