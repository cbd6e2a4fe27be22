package dev.llmfleet.cli;

import dev.llmfleet.api.registry.RegistryClient;
import dev.llmfleet.api.registry.ServiceInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * How fleetctl reaches the fleet: every service is found by name through the registry, and every
 * call carries a bearer token (an API key as it is, or a JWT from the gateway for a client id and
 * secret, fetched once per command).
 */
public final class FleetConnection {

    static final String ORCHESTRATOR = "core-orchestrator";
    static final String SCHEDULER = "resource-scheduler";
    static final String TRAINER = "trainer-service";
    static final String INFERENCE = "inference-service";
    static final String OBSERVABILITY = "observability-hub";
    static final String ERROR_BUS = "error-bus";
    static final String GATEWAY = "security-gateway";

    private final CliConfig config;
    private final RestClient.Builder http;
    private final RestClient.Builder slowHttp;
    private final RegistryClient registry;
    private String token;

    public FleetConnection(CliConfig config) {
        this.config = config;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        factory.setReadTimeout(Duration.ofSeconds(60));
        this.http = RestClient.builder().requestFactory(factory);
        JdkClientHttpRequestFactory slow = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        slow.setReadTimeout(Duration.ofMinutes(30));
        this.slowHttp = RestClient.builder().requestFactory(slow);
        this.registry = proxy(http.clone().baseUrl(config.url()).build(), RegistryClient.class);
    }

    /** A client of {@code type} for the service registered as {@code serviceName}, authenticated. */
    public <T> T client(String serviceName, Class<T> type) {
        return proxy(restClient(serviceName), type);
    }

    /** A RestClient whose base URL is an UP instance of {@code serviceName}, authenticated. */
    public RestClient restClient(String serviceName) {
        return authenticated(http, serviceName);
    }

    /** The same for calls that move whole models (imports, downloads): it waits up to 30 minutes for an answer. */
    public RestClient slowRestClient(String serviceName) {
        return authenticated(slowHttp, serviceName);
    }

    /** A client of {@code type} on {@link #slowRestClient}. */
    public <T> T slowClient(String serviceName, Class<T> type) {
        return proxy(slowRestClient(serviceName), type);
    }

    private RestClient authenticated(RestClient.Builder builder, String serviceName) {
        String bearer = token();
        return builder.clone()
                .baseUrl(resolve(serviceName).toString())
                .defaultHeader("Authorization", "Bearer " + bearer)
                .build();
    }

    public RegistryClient registry() {
        return registry;
    }

    public URI resolve(String serviceName) {
        List<ServiceInstance> up = registry.upInstances(serviceName);
        if (up.isEmpty()) {
            throw new CliException(
                    ExitCodes.UNREACHABLE, "No instance of " + serviceName + " is up in the fleet at " + config.url());
        }
        return up.getFirst().baseUri();
    }

    /** The bearer token for this command: the API key, or a fresh JWT for the stored client. */
    public String token() {
        if (token == null) {
            if (!config.hasCredentials()) {
                throw CliException.notLoggedIn();
            }
            token = config.apiKey() != null ? config.apiKey() : fetchToken();
        }
        return token;
    }

    /** A client-credentials token for the stored scopes: the gateway grants no scope that is not asked for. */
    private String fetchToken() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("scope", String.join(" ", config.scopes()));
        String basic = Base64.getEncoder()
                .encodeToString((config.clientId() + ":" + config.clientSecret()).getBytes(StandardCharsets.UTF_8));
        Map<?, ?> answer;
        try {
            answer = http.clone()
                    .baseUrl(resolve(GATEWAY).toString())
                    .build()
                    .post()
                    .uri("/oauth2/token")
                    .header("Authorization", "Basic " + basic)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(Map.class);
        } catch (HttpClientErrorException refused) {
            throw new CliException(ExitCodes.NOT_AUTHENTICATED, refusal(refused));
        }
        Object accessToken = answer == null ? null : answer.get("access_token");
        if (accessToken == null) {
            throw new CliException(ExitCodes.NOT_AUTHENTICATED, "The gateway issued no token for " + config.clientId());
        }
        return accessToken.toString();
    }

    private String refusal(HttpClientErrorException refused) {
        String why = ErrorHandler.problemMessage(refused);
        if (why.startsWith("invalid_scope")) {
            return "The gateway refused the scopes " + String.join(" ", config.scopes()) + " for client "
                    + config.clientId() + ": log in again with --scope for each scope the client holds";
        }
        return "The gateway refused a token for client " + config.clientId() + ": " + why;
    }

    private static <T> T proxy(RestClient client, Class<T> type) {
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
                .build()
                .createClient(type);
    }
}
