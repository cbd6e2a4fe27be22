package dev.llmfleet.cli;

import static dev.llmfleet.cli.FleetConnection.INFERENCE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * One question to the served model through the inference service's OpenAI endpoint
 * ({@code POST /v1/chat/completions}); the model name is the one {@code /v1/models} lists.
 */
@Command(name = "chat", description = "Ask the served model a question and print its answer.")
final class ChatCommand extends FleetCommand {

    /** The inference service's default model name, for when it lists none (no model loaded yet). */
    static final String DEFAULT_MODEL = "fleet";

    @Parameters(index = "0", paramLabel = "PROMPT", description = "What to ask")
    String prompt;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Longest answer, in tokens")
    Integer maxTokens;

    @Option(names = "--system", paramLabel = "TEXT", description = "A system message before the prompt")
    String system;

    @Option(
            names = "--temperature",
            defaultValue = "0",
            description = "0 (the default) for the model's most likely answer; higher for more varied ones")
    double temperature;

    @Option(names = "--model", description = "The model name (default: the one the inference service serves)")
    String model;

    @Override
    public Integer call() {
        if (maxTokens != null && maxTokens < 1) {
            throw usage("--max-tokens must be at least 1");
        }
        if (temperature < 0) {
            throw usage("--temperature cannot be negative");
        }
        RestClient inference = fleet().restClient(INFERENCE);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("model", model != null ? model : servedModel(inference));
        List<Map<String, String>> messages = new ArrayList<>();
        if (system != null) {
            messages.add(Map.of("role", "system", "content", system));
        }
        messages.add(Map.of("role", "user", "content", prompt));
        request.put("messages", messages);
        if (maxTokens != null) {
            request.put("max_tokens", maxTokens);
        }
        request.put("temperature", temperature);
        Map<?, ?> response = inference
                .post()
                .uri("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(Map.class);
        Output out = out();
        out.print(response, () -> out.line(answer(response)));
        return ExitCodes.OK;
    }

    private static String servedModel(RestClient inference) {
        Map<?, ?> models = inference.get().uri("/v1/models").retrieve().body(Map.class);
        if (models != null && models.get("data") instanceof List<?> data && !data.isEmpty()) {
            if (data.getFirst() instanceof Map<?, ?> first && first.get("id") != null) {
                return first.get("id").toString();
            }
        }
        return DEFAULT_MODEL;
    }

    /** {@code choices[0].message.content}. */
    static String answer(Map<?, ?> response) {
        if (response != null
                && response.get("choices") instanceof List<?> choices
                && !choices.isEmpty()
                && choices.getFirst() instanceof Map<?, ?> choice
                && choice.get("message") instanceof Map<?, ?> message) {
            Object content = message.get("content");
            return content == null ? "" : content.toString();
        }
        throw new CliException(ExitCodes.FAILURE, "The inference service answered without a message");
    }
}
