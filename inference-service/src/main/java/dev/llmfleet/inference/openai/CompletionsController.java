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

/** {@code POST /v1/completions}: plain text continuation, whole or streamed. */
@RestController
class CompletionsController {

    private static final String OBJECT = "text_completion";

    private final Generations generations;
    private final RequestMapper mapper;
    private final Clock clock;

    CompletionsController(Generations generations, RequestMapper mapper, Clock clock) {
        this.generations = generations;
        this.mapper = mapper;
        this.clock = clock;
    }

    @PostMapping(path = "/v1/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StreamingResponseBody> complete(@RequestBody CompletionRequest request) {
        ModelInfo model = generations.model(request.model());
        GenerationHandle handle = generations.start(mapper.completion(request));
        String id = Generations.id("cmpl-");
        long created = clock.instant().getEpochSecond();
        boolean logprobs = request.logprobs() != null;
        if (Boolean.TRUE.equals(request.stream())) {
            boolean usage = StreamOptions.includeUsage(request.streamOptions());
            int[] sent = {0};
            return ResponseEntity.ok()
                    .contentType(MediaType.TEXT_EVENT_STREAM)
                    .header("Cache-Control", "no-cache")
                    .body(out -> generations.stream(
                            handle,
                            out,
                            delta -> {
                                Object columns = logprobs ? OpenAiLogprobs.completion(delta.logprobs(), sent[0]) : null;
                                sent[0] += delta.text().length();
                                return response(id, created, model, handle, delta.text(), columns, null, null);
                            },
                            result -> last(id, created, model, handle, result, usage)));
        }
        GenerationResult result = generations.await(handle);
        CompletionResponse response = response(
                id,
                created,
                model,
                handle,
                result.text(),
                logprobs ? OpenAiLogprobs.completion(result.logprobs(), 0) : null,
                Generations.finishReason(result.finishReason()),
                Usage.of(result.promptTokens(), result.completionTokens()));
        byte[] body = generations.toJson(response);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> out.write(body));
    }

    private static CompletionResponse response(
            String id,
            long created,
            ModelInfo model,
            GenerationHandle handle,
            String text,
            Object logprobs,
            String finish,
            Usage usage) {
        return new CompletionResponse(
                id,
                OBJECT,
                created,
                model.name(),
                handle.modelVersion(),
                List.of(new CompletionResponse.Choice(text, 0, logprobs, finish)),
                usage);
    }

    private static List<CompletionResponse> last(
            String id, long created, ModelInfo model, GenerationHandle handle, GenerationResult result, boolean usage) {
        List<CompletionResponse> chunks = new ArrayList<>();
        chunks.add(
                response(id, created, model, handle, "", null, Generations.finishReason(result.finishReason()), null));
        if (usage) {
            chunks.add(new CompletionResponse(
                    id,
                    OBJECT,
                    created,
                    model.name(),
                    handle.modelVersion(),
                    List.of(),
                    Usage.of(result.promptTokens(), result.completionTokens())));
        }
        return chunks;
    }
}
