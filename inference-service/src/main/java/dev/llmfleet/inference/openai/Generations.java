package dev.llmfleet.inference.openai;

import dev.llmfleet.api.inference.ModelInfo;
import dev.llmfleet.inference.InferenceProperties;
import dev.llmfleet.inference.engine.GenerationHandle;
import dev.llmfleet.inference.engine.GenerationRequest;
import dev.llmfleet.inference.engine.GenerationResult;
import dev.llmfleet.inference.engine.InferenceEngine;
import dev.llmfleet.inference.engine.InferenceException;
import dev.llmfleet.inference.engine.StreamEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the OpenAI endpoints share: the model check (503 before one is loaded, 404 for another
 * name), submission, waiting for a whole result, and writing Server-Sent Events.
 */
@Component
class Generations {

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final InferenceEngine engine;
    private final JsonMapper json;
    private final Duration timeout;

    Generations(InferenceEngine engine, JsonMapper json, InferenceProperties properties) {
        this.engine = engine;
        this.json = json;
        this.timeout = properties.limits().requestTimeout();
    }

    /** The current model, if {@code requested} names it. */
    ModelInfo model(String requested) {
        ModelInfo current = engine.currentModel().orElseThrow(InferenceException::noModelLoaded);
        if (requested == null || requested.isBlank()) {
            throw InferenceException.invalid("model", "'model' is required");
        }
        if (!requested.equals(current.name())) {
            throw InferenceException.unknownModel(requested);
        }
        return current;
    }

    GenerationHandle start(GenerationRequest request) {
        return engine.submit(request);
    }

    GenerationResult await(GenerationHandle handle) {
        try {
            return handle.await(timeout);
        } catch (InterruptedException e) {
            handle.cancel();
            Thread.currentThread().interrupt();
            throw InferenceException.generationFailed(e);
        }
    }

    /**
     * Streams a generation as Server-Sent Events: one event per text delta, {@code last} for the
     * end, then {@code data: [DONE]}. A client that goes away cancels the generation.
     */
    void stream(
            GenerationHandle handle,
            OutputStream out,
            Function<StreamEvent.Delta, Object> delta,
            Function<GenerationResult, Iterable<?>> last)
            throws IOException {
        try {
            while (true) {
                StreamEvent event = handle.next(timeout);
                switch (event) {
                    case null -> {
                        handle.cancel();
                        send(
                                out,
                                OpenAiErrorAdvice.envelope(InferenceException.generationFailed(
                                        new IllegalStateException("no token within " + timeout))));
                        return;
                    }
                    case StreamEvent.Delta d -> send(out, delta.apply(d));
                    case StreamEvent.Failed f -> {
                        send(out, OpenAiErrorAdvice.envelope(f.error()));
                        return;
                    }
                    case StreamEvent.Done done -> {
                        for (Object chunk : last.apply(done.result())) {
                            send(out, chunk);
                        }
                        out.write(DONE);
                        out.flush();
                        return;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            handle.cancel();
            throw e;
        } catch (InterruptedException e) {
            handle.cancel();
            Thread.currentThread().interrupt();
        }
    }

    void send(OutputStream out, Object event) throws IOException {
        out.write("data: ".getBytes(StandardCharsets.US_ASCII));
        out.write(json.writeValueAsBytes(event));
        out.write("\n\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    byte[] toJson(Object value) {
        return json.writeValueAsBytes(value);
    }

    static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    static String finishReason(GenerationResult.FinishReason reason) {
        return reason == GenerationResult.FinishReason.LENGTH ? "length" : "stop";
    }
}
