package dev.llmfleet.orchestrator.deployment;

import dev.llmfleet.api.inference.ModelInfo;
import dev.llmfleet.api.inference.ReloadRequest;
import dev.llmfleet.api.inference.ReloadResult;
import dev.llmfleet.orchestrator.OrchestratorProperties;
import dev.llmfleet.orchestrator.coordinator.RequestCoordinator;
import dev.llmfleet.starter.security.ServiceTokenSource;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Calls one inference host by its own URL (a deployment must reach each host, not any of them).
 * Every call goes through the {@link RequestCoordinator} under a client named after the host
 * ({@code inference-<host>:<port>}), so that one dead host opens its own breaker and not every
 * host's. Calls carry this service's token, like the fleet's named clients do.
 */
@Component
public class InferenceHosts {

    /** What {@code GET /ready} answered. */
    public record Readiness(boolean ready, String reason) {}

    /**
     * What the smoke generation answered: the text (a model may end its turn at once: empty), why
     * the generation ended ({@code stop}, {@code length}; null when the answer held no choice), and
     * which version answered it (null when not said).
     */
    public record Smoke(String content, String finishReason, String version) {}

    private static final String NO_MODEL = "model-not-loaded";

    private final RestClient http;
    private final RequestCoordinator coordinator;
    private final ObjectProvider<ServiceTokenSource> tokens;
    private final OrchestratorProperties.Deployment settings;

    InferenceHosts(
            RestClient.Builder builder,
            RequestCoordinator coordinator,
            ObjectProvider<ServiceTokenSource> tokens,
            OrchestratorProperties properties) {
        Duration timeout = properties.coordinator().timeout();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        this.http = builder.clone().requestFactory(factory).build();
        this.coordinator = coordinator;
        this.tokens = tokens;
        this.settings = properties.deployment();
    }

    /** The model the host serves, empty when it serves none yet. */
    public Optional<ModelInfo> info(InferenceHost host) {
        return call(
                host,
                () -> http.get()
                        .uri(host.url().resolve("/models/info"))
                        .headers(this::authenticate)
                        .exchange((request, response) -> {
                            if (response.getStatusCode().is2xxSuccessful()) {
                                return Optional.ofNullable(response.bodyTo(ModelInfo.class));
                            }
                            if (response.getStatusCode().value() == 503 && hasCode(response.bodyTo(JsonNode.class))) {
                                return Optional.<ModelInfo>empty();
                            }
                            throw response.createException();
                        }));
    }

    /** Asks the host to load {@code version}; answers once it serves it (or refused it). */
    public ReloadResult reload(InferenceHost host, String version) {
        return call(
                host,
                () -> http.post()
                        .uri(host.url().resolve("/models/reload"))
                        .headers(this::authenticate)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(ReloadRequest.ofVersion(version))
                        .retrieve()
                        .body(ReloadResult.class));
    }

    /** The host's own readiness verdict ({@code GET /ready}): a model is loaded and really generates. */
    public Readiness ready(InferenceHost host) {
        return call(
                host,
                () -> http.get()
                        .uri(host.url().resolve("/ready"))
                        .headers(this::authenticate)
                        .exchange((request, response) -> {
                            int status = response.getStatusCode().value();
                            if (status != 200 && status != 503) {
                                throw response.createException();
                            }
                            JsonNode body = response.bodyTo(JsonNode.class);
                            String reason =
                                    body == null ? "" : body.path("reason").asString("");
                            return new Readiness(status == 200, reason);
                        }));
    }

    /** A short chat completion through the host's OpenAI endpoint, as any client would ask it. */
    public Smoke smoke(InferenceHost host, String modelName) {
        Map<String, Object> request = Map.of(
                "model",
                modelName,
                "messages",
                List.of(Map.of("role", "user", "content", settings.smokePrompt())),
                "max_tokens",
                settings.smokeMaxTokens(),
                "temperature",
                0);
        JsonNode answer = call(
                host,
                () -> http.post()
                        .uri(host.url().resolve("/v1/chat/completions"))
                        .headers(this::authenticate)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(request)
                        .retrieve()
                        .body(JsonNode.class));
        if (answer == null) {
            return new Smoke("", null, null);
        }
        JsonNode choice = answer.path("choices").path(0);
        String content = choice.path("message").path("content").asString("");
        JsonNode finish = choice.path("finish_reason");
        JsonNode fingerprint = answer.path("system_fingerprint");
        return new Smoke(
                content,
                finish.isString() ? finish.asString() : null,
                fingerprint.isString() ? fingerprint.asString() : null);
    }

    /** The coordinator's client name for {@code host}: its own breaker, retry and time limit. */
    public static String clientName(InferenceHost host) {
        return "inference-" + host.url().getHost() + ":" + host.url().getPort();
    }

    private <T> T call(InferenceHost host, Supplier<T> call) {
        return coordinator.call(clientName(host), call);
    }

    private void authenticate(HttpHeaders headers) {
        ServiceTokenSource source = tokens.getIfAvailable();
        if (source != null) {
            source.token().ifPresent(headers::setBearerAuth);
        }
    }

    private static boolean hasCode(JsonNode problem) {
        return problem != null && NO_MODEL.equals(problem.path("code").asString(""));
    }
}
