package dev.llmfleet.inference.openai;

import dev.llmfleet.api.inference.ModelInfo;
import dev.llmfleet.inference.engine.GenerationHandle;
import dev.llmfleet.inference.engine.GenerationResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code POST /v1/chat/completions}. Everything that can be refused (bad input, unknown model,
 * no model, full queue) is refused before the response starts, so it gets a proper status.
 */
@RestController
class ChatCompletionsController {

    private static final String OBJECT = "chat.completion";
    private static final String CHUNK = "chat.completion.chunk";

    private final Generations generations;
    private final RequestMapper mapper;
    private final Clock clock;

    ChatCompletionsController(Generations generations, RequestMapper mapper, Clock clock) {
        this.generations = generations;
        this.mapper = mapper;
        this.clock = clock;
    }

    @PostMapping(path = "/v1/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StreamingResponseBody> complete(@RequestBody ChatCompletionRequest request) {
        ModelInfo model = generations.model(request.model());
        GenerationHandle handle = generations.start(mapper.chat(request));
        String id = Generations.id("chatcmpl-");
        long created = clock.instant().getEpochSecond();
        boolean logprobs = Boolean.TRUE.equals(request.logprobs());
        if (Boolean.TRUE.equals(request.stream())) {
            boolean usage = StreamOptions.includeUsage(request.streamOptions());
            return ResponseEntity.ok()
                    .contentType(MediaType.TEXT_EVENT_STREAM)
                    .header("Cache-Control", "no-cache")
                    .body(out -> {
                        generations.send(
                                out,
                                chunk(
                                        id,
                                        created,
                                        model,
                                        handle,
                                        new ChatCompletionChunk.Delta("assistant", ""),
                                        null,
                                        null));
                        generations.stream(
                                handle,
                                out,
                                delta -> chunk(
                                        id,
                                        created,
                                        model,
                                        handle,
                                        new ChatCompletionChunk.Delta(null, delta.text()),
                                        logprobs ? OpenAiLogprobs.chat(delta.logprobs()) : null,
                                        null),
                                result -> last(id, created, model, handle, result, usage));
                    });
        }
        GenerationResult result = generations.await(handle);
        ChatCompletionResponse response = new ChatCompletionResponse(
                id,
                OBJECT,
                created,
                model.name(),
                handle.modelVersion(),
                List.of(new ChatCompletionResponse.Choice(
                        0,
                        new ChatCompletionResponse.Message("assistant", result.text(), null),
                        logprobs ? OpenAiLogprobs.chat(result.logprobs()) : null,
                        Generations.finishReason(result.finishReason()))),
                Usage.of(result.promptTokens(), result.completionTokens()));
        byte[] body = generations.toJson(response);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> out.write(body));
    }

    private static ChatCompletionChunk chunk(
            String id,
            long created,
            ModelInfo model,
            GenerationHandle handle,
            ChatCompletionChunk.Delta delta,
            OpenAiLogprobs.Chat logprobs,
            String finish) {
        return new ChatCompletionChunk(
                id,
                CHUNK,
                created,
                model.name(),
                handle.modelVersion(),
                List.of(new ChatCompletionChunk.Choice(0, delta, logprobs, finish)),
                null);
    }

    private static List<ChatCompletionChunk> last(
            String id, long created, ModelInfo model, GenerationHandle handle, GenerationResult result, boolean usage) {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        chunks.add(chunk(
                id,
                created,
                model,
                handle,
                new ChatCompletionChunk.Delta(null, null),
                null,
                Generations.finishReason(result.finishReason())));
        if (usage) {
            chunks.add(new ChatCompletionChunk(
                    id,
                    CHUNK,
                    created,
                    model.name(),
                    handle.modelVersion(),
                    List.of(),
                    Usage.of(result.promptTokens(), result.completionTokens())));
        }
        return chunks;
    }
}
