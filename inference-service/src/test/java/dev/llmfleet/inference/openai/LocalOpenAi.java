package dev.llmfleet.inference.openai;

import static org.awaitility.Awaitility.await;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.llmfleet.inference.engine.InferenceEngine;
import java.time.Duration;

/** The official OpenAI Java SDK pointed at the service under test, once its model is loaded. */
final class LocalOpenAi {

    private LocalOpenAi() {}

    static OpenAIClient connect(int port, InferenceEngine engine) {
        await().atMost(Duration.ofSeconds(60)).until(() -> engine.currentModel().isPresent());
        return OpenAIOkHttpClient.builder()
                .baseUrl("http://localhost:" + port + "/v1")
                .apiKey("not-checked")
                .maxRetries(0)
                .build();
    }
}
