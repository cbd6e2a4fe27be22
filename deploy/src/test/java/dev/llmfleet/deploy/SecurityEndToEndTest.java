package dev.llmfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.llmfleet.api.security.ClientCredentials;
import dev.llmfleet.api.security.CreateClientRequest;
import dev.llmfleet.api.security.FleetScopes;
import dev.llmfleet.api.security.SecurityAdminClient;
import dev.llmfleet.api.security.TrustReport;
import dev.llmfleet.orchestrator.CoreOrchestratorApplication;
import dev.llmfleet.scheduler.ResourceSchedulerApplication;
import dev.llmfleet.security.SecurityGatewayApplication;
import dev.llmfleet.security.client.ClientService;
import dev.llmfleet.security.signing.SigningKeyService;
import dev.llmfleet.starter.registry.FleetHttpClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security across services on the all-in-one fleet: a client gets a token from the gateway and
 * calls another service, which checks it against the gateway's JWKS found through the registry;
 * every kind of bad token is refused there with a problem detail; API keys are introspected; and a
 * service calls another with a token it got with its own provisioned credentials.
 */
class SecurityEndToEndTest {

    static final String PROTECTED = "/api/scheduler/jobs";

    @TempDir
    static Path dataDir;

    static AllInOneFleet fleet;
    static RestClient scheduler;
    static RestClient gateway;
    static String adminId;
    static String adminSecret;

    record Answer(int status, String contentType, JsonNode body) {}

    @BeforeAll
    static void startFleet() {
        List<String> args = new java.util.ArrayList<>(List.of(FleetTestArgs.fastRegistry(dataDir)));
        args.add("--fleet.security.introspection-cache-ttl=1s");
        fleet = AllInOneFleet.start(
                List.of(
                        CoreOrchestratorApplication.class,
                        SecurityGatewayApplication.class,
                        ResourceSchedulerApplication.class),
                args.toArray(String[]::new));
        scheduler = client(fleet.baseUrl("resource-scheduler"));
        gateway = client(fleet.baseUrl("security-gateway"));
        // the first-start admin file exists only when this JVM's database was empty; make our own admin
        ClientCredentials admin = fleet.context("security-gateway")
                .getBean(ClientService.class)
                .create(new CreateClientRequest("e2e-admin-" + UUID.randomUUID(), Set.copyOf(FleetScopes.ALL)));
        adminId = admin.clientId();
        adminSecret = admin.clientSecret();
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aClientWithATokenFromTheGatewayCallsAnotherService() {
        String token = token(adminId, adminSecret, "fleet:read");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(call(scheduler, token).status()).isEqualTo(200));
    }

    @Test
    void theOtherServiceRefusesEveryKindOfBadTokenWithAProblemDetail() throws Exception {
        RSAKey ours = signingKey();
        RSAKey foreign = new RSAKeyGenerator(2048).keyID("foreign").generate();
        String good = token(adminId, adminSecret, "fleet:read");
        Instant past = Instant.now().minus(Duration.ofHours(1));

        assertRefused(call(scheduler, null), 401);
        assertRefused(
                call(
                        scheduler,
                        rs256(
                                ours,
                                claims().expirationTime(Date.from(past)).issueTime(Date.from(past.minusSeconds(60))))),
                401);
        assertRefused(call(scheduler, rs256(foreign, claims())), 401);
        assertRefused(call(scheduler, new PlainJWT(claims().build()).serialize()), 401);
        assertRefused(call(scheduler, hs256WithPublicKey(ours)), 401);
        assertRefused(call(scheduler, rs256(ours, claims().issuer("http://elsewhere"))), 401);
        assertRefused(call(scheduler, rs256(ours, claims().audience("not-the-fleet"))), 401);
        assertRefused(call(scheduler, tampered(good)), 401);
        assertRefused(call(scheduler, token(adminId, adminSecret, "inference:use")), 403);
        assertThat(call(scheduler, rs256(ours, claims())).status())
                .as("the hand-made good token passes")
                .isEqualTo(200);
    }

    @Test
    void anApiKeyWorksAtAnotherServiceUntilItIsRevoked() {
        String admin = token(adminId, adminSecret, "fleet:admin");
        JsonNode created = call(
                        gateway,
                        admin,
                        "/api/security/api-keys",
                        Map.of("name", "sdk", "scopes", List.of("fleet:read")))
                .body();
        String key = created.get("key").asString();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(call(scheduler, key).status()).isEqualTo(200));

        gateway.delete()
                .uri(
                        "/api/security/api-keys/{id}",
                        created.get("details").get("id").asString())
                .headers(h -> h.setBearerAuth(admin))
                .retrieve()
                .toBodilessEntity();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertRefused(call(scheduler, key), 401));
    }

    @Test
    void aServiceCallsAnotherWithItsOwnProvisionedCredentials() {
        FleetHttpClients clients = fleet.context("resource-scheduler").getBean(FleetHttpClients.class);
        SecurityAdminClient security = clients.client("security-gateway", SecurityAdminClient.class);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(security.report(
                                        new TrustReport(adminId, TrustReport.Kind.ERROR_REPORTED, "end-to-end check"))
                                .clientId())
                        .isEqualTo(adminId));
    }

    private static RSAKey signingKey() {
        SigningKeyService keys = fleet.context("security-gateway").getBean(SigningKeyService.class);
        return (RSAKey) keys.publishedKeys().stream()
                .filter(k -> k.getKeyID().equals(keys.signingKid()))
                .findFirst()
                .orElseThrow();
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("http://security-gateway")
                .audience("llm-fleet")
                .subject(adminId)
                .claim("scope", List.of("fleet:read"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String rs256(RSAKey key, JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String hs256WithPublicKey(RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims().build());
        jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
        return jwt.serialize();
    }

    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("fleet:read", "fleet:admin");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    private static String token(String id, String secret, String scope) {
        return GatewayTokens.token(gateway, id, secret, scope);
    }

    private static Answer call(RestClient client, String bearer) {
        return call(client, bearer, null, null);
    }

    private static Answer call(RestClient client, String bearer, String postPath, Object body) {
        RestClient.RequestHeadersSpec<?> spec = postPath == null
                ? client.get().uri(PROTECTED)
                : client.post()
                        .uri(postPath)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body);
        if (bearer != null) {
            spec.headers(h -> h.setBearerAuth(bearer));
        }
        return spec.exchange((request, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            MediaType type = response.getHeaders().getContentType();
            return new Answer(
                    response.getStatusCode().value(),
                    type == null ? "" : type.toString(),
                    bytes.length == 0 ? null : JsonMapper.builder().build().readTree(bytes));
        });
    }

    private static void assertRefused(Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
    }

    private static RestClient client(String baseUrl) {
        return RestClient.builder()
                .baseUrl(baseUrl)
                .defaultStatusHandler(s -> true, (req, res) -> {})
                .build();
    }
}
