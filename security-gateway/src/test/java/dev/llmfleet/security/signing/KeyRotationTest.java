package dev.llmfleet.security.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.security.GatewayHttp;
import dev.llmfleet.security.GatewayIntegrationTest;
import dev.llmfleet.starter.security.FleetJwtDecoders;
import dev.llmfleet.starter.security.GatewayJwkSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.client.RestClient;

/**
 * Rotation under load: clients keep getting tokens and calling a protected endpoint, while a
 * service-side decoder (the starter's, fetching the JWKS over HTTP and caching it) verifies every
 * token. The new key signs at once (publish lead 0 in tests, the hardest case): the decoder must
 * fetch the JWKS again on the unknown kid.
 */
class KeyRotationTest extends GatewayIntegrationTest {

    @Test
    void aRotationDuringAStreamOfAuthenticatedRequestsFailsNoneOfThem() throws Exception {
        Map<String, String> admin = adminCredentials();
        String base = "http://localhost:" + port;
        JwtDecoder serviceSide = FleetJwtDecoders.create(
                new GatewayJwkSource(
                        () -> RestClient.create(base), Duration.ofMinutes(5), Duration.ZERO, Clock.systemUTC()),
                "http://security-gateway",
                "llm-fleet");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Set<String> kidsSeen = ConcurrentHashMap.newKeySet();
        List<Thread> workers = new java.util.ArrayList<>();
        for (int w = 0; w < 3; w++) {
            workers.add(Thread.ofPlatform().start(() -> {
                GatewayHttp http = new GatewayHttp(base);
                while (running.get()) {
                    try {
                        String token = http.token(admin.get("client_id"), admin.get("client_secret"), "fleet:admin")
                                .accessToken();
                        kidsSeen.add(serviceSide
                                .decode(token)
                                .getHeaders()
                                .get("kid")
                                .toString());
                        int status = http.get("/api/security/keys", token).status();
                        if (status != 200) {
                            failures.add("HTTP " + status);
                        } else {
                            ok.incrementAndGet();
                        }
                    } catch (RuntimeException | AssertionError e) {
                        failures.add(e.toString());
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ok.get() >= 15);
        String adminToken = adminToken();
        String newKid = new GatewayHttp(base)
                .post("/api/security/keys/rotate", adminToken, null)
                .body()
                .get("kid")
                .asString();
        int atRotation = ok.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> kidsSeen.contains(newKid) && ok.get() >= atRotation + 15);
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }

        assertThat(failures).isEmpty();
        assertThat(kidsSeen).hasSizeGreaterThanOrEqualTo(2).contains(newKid);
        assertThat(new GatewayHttp(base).get("/oauth2/jwks", null).body().findValuesAsString("kid"))
                .as("the old key stays published until its tokens expire")
                .containsAll(kidsSeen);
    }
}
