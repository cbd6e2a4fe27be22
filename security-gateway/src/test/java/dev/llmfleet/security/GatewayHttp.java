package dev.llmfleet.security;

import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: never throws on 4xx/5xx, answers status and parsed body. */
public final class GatewayHttp {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final RestClient client;

    public GatewayHttp(String baseUrl) {
        this.client = RestClient.builder()
                .baseUrl(baseUrl)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    /** A status, the content type and the body as JSON (or null). */
    public record Answer(int status, String contentType, JsonNode body, String wwwAuthenticate) {

        public String accessToken() {
            if (status != 200) {
                throw new AssertionError("No token: " + status + " " + body);
            }
            return body.get("access_token").asString();
        }
    }

    public Answer token(String clientId, String secret, String scope) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        if (scope != null) {
            form.add("scope", scope);
        }
        return exchange(client.post()
                .uri("/oauth2/token")
                .headers(h -> h.setBasicAuth(clientId, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form));
    }

    public Answer introspect(String clientId, String secret, String token) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("token", token);
        return exchange(client.post()
                .uri("/oauth2/introspect")
                .headers(h -> h.setBasicAuth(clientId, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form));
    }

    public Answer call(HttpMethod method, String path, String bearer, Object body) {
        RestClient.RequestBodySpec spec = client.method(method).uri(path);
        if (bearer != null) {
            spec.headers(h -> h.setBearerAuth(bearer));
        }
        if (body != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return exchange(spec);
    }

    public Answer get(String path, String bearer) {
        return call(HttpMethod.GET, path, bearer, null);
    }

    public Answer post(String path, String bearer, Object body) {
        return call(HttpMethod.POST, path, bearer, body);
    }

    private static Answer exchange(RestClient.RequestHeadersSpec<?> spec) {
        return spec.exchange((request, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            JsonNode body = bytes.length == 0 ? null : parse(bytes);
            MediaType type = response.getHeaders().getContentType();
            return new Answer(
                    response.getStatusCode().value(),
                    type == null ? null : type.toString(),
                    body,
                    response.getHeaders().getFirst("WWW-Authenticate"));
        });
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static Map<String, Object> map(Object... keyValues) {
        java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
