package dev.llmfleet.inference.openai;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * OpenAI's (legacy) text completion request; {@code prompt} is a string or an array of one string,
 * {@code logprobs} asks for that many alternatives per token (0 to 5).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record CompletionRequest(
        String model,
        Object prompt,
        Double temperature,
        Double topP,
        Integer topK,
        Integer maxTokens,
        Object stop,
        Integer n,
        Long seed,
        Boolean stream,
        StreamOptions streamOptions,
        Integer logprobs,
        Boolean echo) {}
