package dev.llmfleet.inference.openai;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** OpenAI's chat completion request; fields the engine does not use are accepted and ignored. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ChatCompletionRequest(
        String model,
        List<Message> messages,
        Double temperature,
        Double topP,
        Integer maxTokens,
        Integer maxCompletionTokens,
        Object stop,
        Integer n,
        Long seed,
        Boolean stream,
        StreamOptions streamOptions) {

    /** {@code content} is a string or an array of {@code {"type":"text","text":...}} parts. */
    record Message(String role, Object content) {}
}
