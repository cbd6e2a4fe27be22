package dev.llmfleet.benchmarks.security;

import dev.llmfleet.api.security.ClientCredentials;
import dev.llmfleet.api.security.CreateClientRequest;
import dev.llmfleet.security.SecurityGatewayApplication;
import dev.llmfleet.security.client.ClientService;
import dev.llmfleet.starter.security.FleetJwtDecoders;
import dev.llmfleet.starter.security.GatewayJwkSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Starts a security-gateway in this JVM and prints: token issuance per second (client-credentials,
 * several callers), the cost of validating a JWT as a service does it (JWKS cached; p50/p99), and
 * the round trip of a protected endpoint with a token against the same endpoint's refusal without
 * one (p50/p99), which brackets what validation adds to a request.
 *
 * <p>Arguments: {@code [seconds per phase, default 10] [callers, default 4]}. The database is
 * {@code SPRING_DATASOURCE_URL} when set, else an embedded PostgreSQL.
 */
public final class TokenHarness {

    private TokenHarness() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int callers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path dataDir = Files.createTempDirectory("token-harness");
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(SecurityGatewayApplication.class)
                .main(SecurityGatewayApplication.class)
                .run(
                        "--server.port=0",
                        "--fleet.registry.enabled=false",
                        "--fleet.data-dir=" + dataDir,
                        "--fleet.gateway.rate-limit.tokens-per-period=1000000",
                        "--logging.level.root=WARN")) {
            String base = "http://localhost:"
                    + ((WebServerApplicationContext) gateway).getWebServer().getPort();
            // a client of its own: the first-start admin file exists only on an empty database
            ClientCredentials bench = gateway.getBean(ClientService.class)
                    .create(new CreateClientRequest(
                            "token-harness-" + System.currentTimeMillis(), Set.of("fleet:admin", "fleet:read")));
            Map<String, String> admin = Map.of("client_id", bench.clientId(), "client_secret", bench.clientSecret());
            RestClient http = RestClient.builder()
                    .baseUrl(base)
                    .defaultStatusHandler(s -> true, (req, res) -> {})
                    .build();

            for (int i = 0; i < 200; i++) {
                token(http, admin); // warm-up
            }
            double perSecond = issuance(http, admin, seconds, callers);
            System.out.printf(
                    Locale.ROOT, "token issuance: %.0f tokens/s (%d callers, %d s)%n", perSecond, callers, seconds);

            JwtDecoder serviceSide = FleetJwtDecoders.create(
                    new GatewayJwkSource(
                            () -> RestClient.create(base),
                            Duration.ofMinutes(5),
                            Duration.ofSeconds(5),
                            Clock.systemUTC()),
                    "http://security-gateway",
                    "llm-fleet");
            String token = token(http, admin);
            long[] decode = sample(20_000, () -> serviceSide.decode(token));
            System.out.printf(
                    Locale.ROOT,
                    "JWT validation (service side, JWKS cached): p50 %.1f us, p99 %.1f us%n",
                    decode[0] / 1e3,
                    decode[1] / 1e3);

            long[] withToken = sample(
                    3_000,
                    () -> http.get()
                            .uri("/api/security/keys")
                            .headers(h -> h.setBearerAuth(token))
                            .retrieve()
                            .toBodilessEntity());
            long[] refused = sample(
                    3_000, () -> http.get().uri("/api/security/keys").retrieve().toBodilessEntity());
            System.out.printf(
                    Locale.ROOT,
                    "GET protected endpoint with JWT: p50 %.2f ms, p99 %.2f ms%n",
                    withToken[0] / 1e6,
                    withToken[1] / 1e6);
            System.out.printf(
                    Locale.ROOT,
                    "same endpoint refused without token (no validation, no handler): p50 %.2f ms, p99 %.2f ms%n",
                    refused[0] / 1e6,
                    refused[1] / 1e6);
        }
    }

    private static double issuance(RestClient http, Map<String, String> admin, int seconds, int callers)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong issued = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    token(http, admin);
                    issued.incrementAndGet();
                }
            }));
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L); // the harness's measuring window, not a test wait
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
        return issued.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static String token(RestClient http, Map<String, String> admin) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("scope", "fleet:admin fleet:read");
        Map<?, ?> answer = http.post()
                .uri("/oauth2/token")
                .headers(h -> h.setBasicAuth(admin.get("client_id"), admin.get("client_secret")))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(Map.class);
        Object token = answer == null ? null : answer.get("access_token");
        if (token == null) {
            throw new IllegalStateException("No token: " + answer);
        }
        return token.toString();
    }

    /** Runs {@code action} {@code n} times after a warm-up; returns p50 and p99 in nanoseconds. */
    private static long[] sample(int n, Runnable action) {
        for (int i = 0; i < n / 5; i++) {
            action.run();
        }
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            action.run();
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        return new long[] {times[n / 2], times[(int) (n * 0.99)]};
    }
}
