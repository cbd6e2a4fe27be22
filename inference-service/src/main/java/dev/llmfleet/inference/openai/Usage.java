package dev.llmfleet.inference.openai;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record Usage(int promptTokens, int completionTokens, int totalTokens) {

    static Usage of(int prompt, int completion) {
        return new Usage(prompt, completion, prompt + completion);
    }
}
