package dev.llmfleet.inference.openai;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code text_completion}: a whole completion, or one streamed piece of it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record CompletionResponse(
        String id,
        String object,
        long created,
        String model,
        String systemFingerprint,
        List<Choice> choices,
        Usage usage) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Choice(String text, int index, Object logprobs, String finishReason) {}
}
