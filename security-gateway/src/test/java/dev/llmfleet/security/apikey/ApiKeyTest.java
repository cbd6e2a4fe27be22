package dev.llmfleet.security.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.security.GatewayHttp;
import dev.llmfleet.security.GatewayHttp.Answer;
import dev.llmfleet.security.GatewayIntegrationTest;
import dev.llmfleet.starter.security.CachingTokenIntrospector;
import dev.llmfleet.starter.security.GatewayIntrospector;
import dev.llmfleet.starter.security.ServiceCredentials;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.web.client.RestClient;

class ApiKeyTest extends GatewayIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void worksAsOpenAiStyleBearerUntilRevoked() {
        String admin = adminToken();
        String key = createKey(admin, List.of("fleet:admin", "fleet:read"));

        assertThat(http().get("/api/security/clients", key).status()).isEqualTo(200);

        String id = keyId(admin, key);
        assertThat(http().call(HttpMethod.DELETE, "/api/security/api-keys/" + id, admin, null)
                        .status())
                .isEqualTo(200);

        Answer refused = http().get("/api/security/clients", key);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void isNeverStoredInClearText() {
        String key = createKey(adminToken(), List.of("fleet:read"));

        List<Map<String, Object>> rows = jdbc.queryForList("select * from api_key");

        assertThat(rows).isNotEmpty();
        assertThat(rows)
                .allSatisfy(row -> row.values()
                        .forEach(value -> assertThat(String.valueOf(value))
                                .doesNotContain(key)
                                .doesNotContain(key.substring(12))));
        assertThat(rows)
                .anySatisfy(row -> assertThat(row.get("key_hash")).isEqualTo(ApiKeyService.sha256(key)))
                .anySatisfy(row -> assertThat(key).startsWith((String) row.get("prefix")));
    }

    @Test
    void introspectionTellsServicesWhatTheKeyMayDo() {
        String key = createKey(adminToken(), List.of("inference:use"));
        Map<String, String> service = serviceCredentials();

        Answer answer = http().introspect(service.get("client_id"), service.get("client_secret"), key);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("active").asBoolean()).isTrue();
        assertThat(answer.body().get("client_id").asString()).isEqualTo("fleet-admin");
        assertThat(answer.body().get("scope").asString()).isEqualTo("inference:use");
        assertThat(http().introspect(service.get("client_id"), service.get("client_secret"), "flk_made-up")
                        .body()
                        .get("active")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void introspectionNeedsAnAuthenticatedClient() {
        String key = createKey(adminToken(), List.of("fleet:read"));

        assertThat(http().introspect("resource-scheduler", "wrong", key).status())
                .isEqualTo(401);
    }

    @Test
    void listingShowsPrefixScopesAndLastUseButNeverTheKey() {
        String admin = adminToken();
        String key = createKey(admin, List.of("fleet:admin"));
        http().get("/api/security/clients", key);

        Answer list = http().get("/api/security/api-keys", admin);

        assertThat(list.body().toString()).doesNotContain(key);
        var listed = java.util.stream.StreamSupport.stream(list.body().spliterator(), false)
                .filter(k -> key.startsWith(k.get("prefix").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(listed.get("lastUsedAt").isNull()).isFalse();
        assertThat(listed.get("scopes").toString()).contains("fleet:admin");
    }

    @Test
    void refusesScopesTheOwnerDoesNotHold() {
        String admin = adminToken();
        http().post(
                        "/api/security/clients",
                        admin,
                        GatewayHttp.map("clientId", "narrow-client", "scopes", List.of("fleet:read")));

        Answer answer = http().post(
                        "/api/security/api-keys",
                        admin,
                        GatewayHttp.map(
                                "name", "too wide", "clientId", "narrow-client", "scopes", List.of("fleet:admin")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("code").asString()).isEqualTo("invalid-scope");
    }

    @Test
    void aRevokedKeyStopsWorkingAtServicesWithinTheIntrospectionCacheTime() {
        String admin = adminToken();
        String key = createKey(admin, List.of("fleet:read"));
        GatewayIntrospector remote = new GatewayIntrospector(
                () -> RestClient.create("http://localhost:" + port),
                new ServiceCredentials("resource-scheduler", null, DATA_DIR));
        CachingTokenIntrospector cached =
                new CachingTokenIntrospector(remote, Duration.ofSeconds(1), Clock.systemUTC());

        OAuth2AuthenticatedPrincipal principal = cached.introspect(key);
        assertThat(principal.getAuthorities()).extracting(Object::toString).containsExactly("SCOPE_fleet:read");

        http().call(HttpMethod.DELETE, "/api/security/api-keys/" + keyId(admin, key), admin, null);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThatThrownBy(() -> cached.introspect(key)).isInstanceOf(BadOpaqueTokenException.class));
    }

    private String createKey(String admin, List<String> scopes) {
        Answer created =
                http().post("/api/security/api-keys", admin, GatewayHttp.map("name", "openai sdk", "scopes", scopes));
        assertThat(created.status()).isEqualTo(201);
        String key = created.body().get("key").asString();
        assertThat(key).startsWith("flk_");
        return key;
    }

    private String keyId(String admin, String key) {
        Answer list = http().get("/api/security/api-keys", admin);
        return java.util.stream.StreamSupport.stream(list.body().spliterator(), false)
                .filter(k -> key.startsWith(k.get("prefix").asString()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
    }

    private static Map<String, String> serviceCredentials() {
        var credentials = new ServiceCredentials("resource-scheduler", null, DATA_DIR)
                .current()
                .orElseThrow();
        return Map.of("client_id", credentials.clientId(), "client_secret", credentials.clientSecret());
    }
}
