package dev.llmfleet.security.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.security.GatewayHttp;
import dev.llmfleet.security.GatewayHttp.Answer;
import dev.llmfleet.security.GatewayIntegrationTest;
import dev.llmfleet.starter.security.ServiceCredentials;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class TrustScoreTest extends GatewayIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void repeatedFailedAuthenticationClosesTheDoorUntilAnAdminResetsTheScore() {
        String admin = adminToken();
        String secret = createClient(admin, "flaky-bot", List.of("fleet:read"));

        for (int i = 0; i < 4; i++) {
            assertThat(http().token("flaky-bot", "wrong-" + i, "fleet:read").status())
                    .isEqualTo(401);
        }
        Answer refused = http().token("flaky-bot", secret, "fleet:read");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("error").asString()).isEqualTo("unauthorized_client");

        Answer trust = http().get("/api/security/clients/flaky-bot/trust", admin);
        assertThat(trust.body().get("score").asInt()).isEqualTo(40);
        assertThat(trust.body().get("trusted").asBoolean()).isFalse();
        assertThat(trust.body().get("history").findValuesAsString("reason"))
                .containsExactly(
                        "FAILED_AUTHENTICATION",
                        "FAILED_AUTHENTICATION",
                        "FAILED_AUTHENTICATION",
                        "FAILED_AUTHENTICATION");

        Answer reset = http().post("/api/security/clients/flaky-bot/trust/reset", admin, null);
        assertThat(reset.body().get("score").asInt()).isEqualTo(80);
        assertThat(http().token("flaky-bot", secret, "fleet:read").status()).isEqualTo(200);

        assertThat(jdbc.queryForList(
                        "select action || ':' || outcome from audit_event where target = 'flaky-bot' order by id",
                        String.class))
                .containsExactly(
                        "client.create:SUCCESS",
                        "client.authenticate:FAILURE",
                        "client.authenticate:FAILURE",
                        "client.authenticate:FAILURE",
                        "client.authenticate:FAILURE",
                        "trust.below-threshold:DENIED",
                        "token.issue:DENIED",
                        "trust.reset:SUCCESS");
    }

    @Test
    void keysOfAnUntrustedClientAreInactive() {
        String admin = adminToken();
        createClient(admin, "shady-bot", List.of("fleet:read"));
        String key = http().post(
                        "/api/security/api-keys",
                        admin,
                        GatewayHttp.map("name", "k", "clientId", "shady-bot", "scopes", List.of("fleet:read")))
                .body()
                .get("key")
                .asString();
        var service = new ServiceCredentials("resource-scheduler", null, DATA_DIR)
                .current()
                .orElseThrow();
        assertThat(http().introspect(service.clientId(), service.clientSecret(), key)
                        .body()
                        .get("active")
                        .asBoolean())
                .isTrue();

        for (int i = 0; i < 4; i++) {
            http().token("shady-bot", "wrong", "fleet:read");
        }

        assertThat(http().introspect(service.clientId(), service.clientSecret(), key)
                        .body()
                        .get("active")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void errorsReportedByServicesLowerTheScoreAndCleanActivityRaisesItSlowly() {
        String admin = adminToken();
        String secret = createClient(admin, "noisy-bot", List.of("fleet:read"));
        var service = new ServiceCredentials("resource-scheduler", null, DATA_DIR)
                .current()
                .orElseThrow();
        String serviceToken = http().token(service.clientId(), service.clientSecret(), "fleet:operate")
                .accessToken();

        Answer reported = http().post(
                        "/api/security/trust/reports",
                        serviceToken,
                        GatewayHttp.map("clientId", "noisy-bot", "kind", "ERROR_REPORTED", "detail", "bad job"));
        assertThat(reported.status()).isEqualTo(200);
        assertThat(reported.body().get("score").asInt()).isEqualTo(78);

        http().token("noisy-bot", secret, "fleet:read").accessToken();

        Answer trust = http().get("/api/security/clients/noisy-bot/trust", admin);
        assertThat(trust.body().get("score").asInt()).isEqualTo(79);
        assertThat(trust.body().get("history").findValuesAsString("reason"))
                .containsExactly("CLEAN_ACTIVITY", "ERROR_REPORTED");
    }

    @Test
    void aServiceCannotResetScores() {
        var service = new ServiceCredentials("resource-scheduler", null, DATA_DIR)
                .current()
                .orElseThrow();
        String serviceToken = http().token(service.clientId(), service.clientSecret(), "fleet:read fleet:operate")
                .accessToken();

        Answer answer = http().post("/api/security/clients/fleet-admin/trust/reset", serviceToken, null);

        assertThat(answer.status()).isEqualTo(403);
    }

    private String createClient(String admin, String id, List<String> scopes) {
        Answer created = http().post("/api/security/clients", admin, GatewayHttp.map("clientId", id, "scopes", scopes));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("clientSecret").asString();
    }
}
