package dev.llmfleet.inference.openai;

import dev.llmfleet.inference.InferenceProperties;
import dev.llmfleet.inference.engine.GenerationRequest;
import dev.llmfleet.inference.engine.InferenceException;
import dev.llmfleet.inference.engine.PromptInput;
import dev.llmfleet.inference.engine.SamplingSettings;
import dev.llmfleet.model.chat.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/** Checks an OpenAI request field by field (naming the field in the error) and turns it into an engine request. */
@Component
class RequestMapper {

    private static final int MAX_STOP_SEQUENCES = 4;
    /** OpenAI's limits: 20 alternatives per token in the chat API, 5 in the completions API. */
    private static final int MAX_CHAT_LOGPROBS = 20;

    private static final int MAX_COMPLETION_LOGPROBS = 5;

    private final InferenceProperties.Limits limits;

    RequestMapper(InferenceProperties properties) {
        this.limits = properties.limits();
    }

    GenerationRequest chat(ChatCompletionRequest request) {
        if (request.messages() == null || request.messages().isEmpty()) {
            throw InferenceException.invalid("messages", "'messages' must hold at least one message");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < request.messages().size(); i++) {
            messages.add(message(request.messages().get(i), "messages[" + i + "]"));
        }
        Integer maxTokens = request.maxCompletionTokens() != null ? request.maxCompletionTokens() : request.maxTokens();
        String maxTokensParam = request.maxCompletionTokens() != null ? "max_completion_tokens" : "max_tokens";
        requireSingleChoice(request.n());
        return new GenerationRequest(
                new PromptInput.Chat(messages, request.chatTemplateKwargs()),
                sampling(
                        new Knobs(request.temperature(), request.topP(), request.topK(), request.seed()),
                        maxTokens,
                        maxTokensParam,
                        request.stop(),
                        chatLogprobs(request.logprobs(), request.topLogprobs())));
    }

    /** The chat API: {@code logprobs: true} turns them on, {@code top_logprobs} (0 to 20) adds alternatives. */
    private static int chatLogprobs(Boolean logprobs, Integer topLogprobs) {
        if (topLogprobs != null && (topLogprobs < 0 || topLogprobs > MAX_CHAT_LOGPROBS)) {
            throw InferenceException.invalid(
                    "top_logprobs", "'top_logprobs' must be between 0 and " + MAX_CHAT_LOGPROBS);
        }
        if (!Boolean.TRUE.equals(logprobs)) {
            if (topLogprobs != null && topLogprobs > 0) {
                throw InferenceException.invalid("top_logprobs", "'top_logprobs' needs 'logprobs' set to true");
            }
            return -1;
        }
        return topLogprobs == null ? 0 : topLogprobs;
    }

    GenerationRequest completion(CompletionRequest request) {
        requireSingleChoice(request.n());
        if (Boolean.TRUE.equals(request.echo())) {
            throw InferenceException.invalid("echo", "'echo' is not supported");
        }
        Integer logprobs = request.logprobs();
        if (logprobs != null && (logprobs < 0 || logprobs > MAX_COMPLETION_LOGPROBS)) {
            throw InferenceException.invalid("logprobs", "'logprobs' must be between 0 and " + MAX_COMPLETION_LOGPROBS);
        }
        return new GenerationRequest(
                new PromptInput.Text(prompt(request.prompt())),
                sampling(
                        new Knobs(request.temperature(), request.topP(), request.topK(), request.seed()),
                        request.maxTokens(),
                        "max_tokens",
                        request.stop(),
                        logprobs == null ? -1 : logprobs));
    }

    /** The sampling fields a request may set; what it leaves out takes the model's recommendation. */
    private record Knobs(Double temperature, Double topP, Integer topK, Long seed) {}

    private static ChatMessage message(ChatCompletionRequest.Message message, String param) {
        if (message == null || message.role() == null) {
            throw InferenceException.invalid(param + ".role", "Each message needs a role");
        }
        String role = "developer".equals(message.role()) ? ChatMessage.SYSTEM : message.role();
        if (!List.of(ChatMessage.SYSTEM, ChatMessage.USER, ChatMessage.ASSISTANT)
                .contains(role)) {
            throw InferenceException.invalid(
                    param + ".role", "Unsupported role '" + message.role() + "': use system, user or assistant");
        }
        return new ChatMessage(role, content(message.content(), param + ".content"));
    }

    private static String content(Object content, String param) {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof List<?> parts && !parts.isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (Object part : parts) {
                if (!(part instanceof Map<?, ?> map)
                        || !"text".equals(map.get("type"))
                        || !(map.get("text") instanceof String s)) {
                    throw InferenceException.invalid(param, "Only text content parts are supported");
                }
                text.append(s);
            }
            return text.toString();
        }
        throw InferenceException.invalid(param, "Message content must be a string or an array of text parts");
    }

    private static String prompt(Object prompt) {
        if (prompt instanceof String text) {
            return text;
        }
        if (prompt instanceof List<?> list && list.size() == 1 && list.getFirst() instanceof String text) {
            return text;
        }
        throw InferenceException.invalid("prompt", "'prompt' must be a string (or an array of exactly one string)");
    }

    private SamplingSettings sampling(
            Knobs knobs, Integer maxTokens, String maxTokensParam, Object stop, int logprobs) {
        Double t = knobs.temperature();
        if (t != null && (t < 0 || t > 2 || Double.isNaN(t))) {
            throw InferenceException.invalid("temperature", "'temperature' must be between 0 and 2");
        }
        Double p = knobs.topP();
        if (p != null && (p < 0 || p > 1 || Double.isNaN(p))) {
            throw InferenceException.invalid("top_p", "'top_p' must be between 0 and 1");
        }
        Integer k = knobs.topK();
        if (k != null && k < -1) {
            throw InferenceException.invalid("top_k", "'top_k' must be -1 or 0 (all tokens) or positive");
        }
        int max = maxTokens == null ? limits.defaultMaxTokens() : maxTokens;
        if (max < 1 || max > limits.maxTokens()) {
            throw InferenceException.invalid(
                    maxTokensParam, "'" + maxTokensParam + "' must be between 1 and " + limits.maxTokens());
        }
        // top_p 0 keeps only the most likely token: that is greedy decoding.
        boolean greedy = p != null && p == 0;
        return new SamplingSettings(
                max,
                greedy ? Double.valueOf(0) : t,
                greedy ? Double.valueOf(1) : p,
                k == null ? null : Math.max(0, k),
                stops(stop),
                knobs.seed() == null ? ThreadLocalRandom.current().nextLong() : knobs.seed(),
                logprobs);
    }

    private static List<String> stops(Object stop) {
        List<String> stops = switch (stop) {
            case null -> List.of();
            case String s -> List.of(s);
            case List<?> list
            when list.stream().allMatch(String.class::isInstance) ->
                list.stream().map(String.class::cast).toList();
            default -> throw InferenceException.invalid("stop", "'stop' must be a string or an array of strings");
        };
        if (stops.size() > MAX_STOP_SEQUENCES || stops.stream().anyMatch(String::isEmpty)) {
            throw InferenceException.invalid("stop", "'stop' takes up to 4 non-empty sequences");
        }
        return stops;
    }

    private static void requireSingleChoice(Integer n) {
        if (n != null && n != 1) {
            throw InferenceException.invalid("n", "Only n=1 is supported");
        }
    }
}
