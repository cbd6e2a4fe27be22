package dev.llmfleet.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.security.GatewayHttp;
import dev.llmfleet.security.GatewayHttp.Answer;
import dev.llmfleet.security.GatewayIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class TokenEndpointTest extends GatewayIntegrationTest {

    @Autowired
    JwtDecoder decoder;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void firstStartWritesAdminCredentialsReadableOnlyByTheOwner() throws Exception {
        Path file = DATA_DIR.resolve("admin-credentials");

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readAllLines(file))
                .anyMatch(l -> l.equals("client_id=fleet-admin"))
                .anyMatch(l -> l.startsWith("client_secret=") && l.length() > 40);
        assertThat(Files.getPosixFilePermissions(DATA_DIR.resolve("service-credentials/resource-scheduler")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void clientSecretsAreStoredOnlyAsHashes() {
        String secret = adminCredentials().get("client_secret");

        String stored =
                jdbc.queryForObject("select secret_hash from client where client_id = 'fleet-admin'", String.class);

        assertThat(stored).startsWith("{sha256}").doesNotContain(secret);
    }

    @Test
    void issuesSignedJwtWithFleetAudienceAndGrantedScopes() {
        Map<String, String> admin = adminCredentials();

        Answer answer = http().token(admin.get("client_id"), admin.get("client_secret"), "fleet:read inference:use");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("expires_in").asLong()).isBetween(890L, 900L);
        Jwt jwt = decoder.decode(answer.accessToken());
        assertThat(jwt.getSubject()).isEqualTo("fleet-admin");
        assertThat(jwt.getAudience()).containsExactly("llm-fleet");
        assertThat(jwt.getIssuer().toString()).isEqualTo("http://security-gateway");
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(jwt.getClaimAsStringList("scope")).containsExactlyInAnyOrder("fleet:read", "inference:use");
    }

    @Test
    void publishesTheSigningKeyInTheJwksWithoutItsPrivateHalf() {
        Answer jwks = http().get("/oauth2/jwks", null);

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.body().get("keys").size()).isPositive();
        jwks.body().get("keys").forEach(key -> {
            assertThat(key.get("kty").asString()).isEqualTo("RSA");
            assertThat(key.has("d")).isFalse();
        });
    }

    @Test
    void refusesAWrongSecretWithAnOAuth2Error() {
        Answer answer = http().token("fleet-admin", "not-the-secret", "fleet:read");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void adminCreatesListsDisablesAndRotatesClients() {
        String admin = adminToken();
        GatewayHttp http = http();

        Answer created = http.post(
                "/api/security/clients",
                admin,
                GatewayHttp.map("clientId", "nightly-script", "scopes", List.of("fleet:read")));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.body().get("clientSecret").asString();
        assertThat(http.token("nightly-script", secret, "fleet:read").status()).isEqualTo(200);

        Answer rotated = http.post("/api/security/clients/nightly-script/secret", admin, null);
        String newSecret = rotated.body().get("clientSecret").asString();
        assertThat(http.token("nightly-script", secret, "fleet:read").status()).isEqualTo(401);
        assertThat(http.token("nightly-script", newSecret, "fleet:read").status())
                .isEqualTo(200);

        assertThat(http.post("/api/security/clients/nightly-script/disable", admin, null)
                        .status())
                .isEqualTo(200);
        assertThat(http.token("nightly-script", newSecret, "fleet:read").status())
                .isEqualTo(401);
        assertThat(http.get("/api/security/clients", admin).body().findValuesAsString("clientId"))
                .contains("fleet-admin", "nightly-script", "resource-scheduler");
        assertThat(jdbc.queryForList(
                        "select action from audit_event where target = 'nightly-script' order by id", String.class))
                .containsSubsequence("client.create", "client.rotate-secret", "client.disable");
    }

    @Test
    void refusesScopesTheClientDoesNotHold() {
        String admin = adminToken();
        String secret = http().post(
                        "/api/security/clients",
                        admin,
                        GatewayHttp.map("clientId", "reader-only", "scopes", List.of("fleet:read")))
                .body()
                .get("clientSecret")
                .asString();

        Answer answer = http().token("reader-only", secret, "fleet:admin");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void rejectsAClientWithAnUnknownScopeAsBadRequest() {
        Answer answer = http().post(
                        "/api/security/clients",
                        adminToken(),
                        GatewayHttp.map("clientId", "odd", "scopes", List.of("fleet:everything")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asString()).isEqualTo("invalid-scope");
    }
}
