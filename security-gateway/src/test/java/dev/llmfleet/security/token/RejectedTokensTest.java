package dev.llmfleet.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.llmfleet.security.GatewayHttp.Answer;
import dev.llmfleet.security.GatewayIntegrationTest;
import dev.llmfleet.security.signing.SigningKeyService;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every kind of bad token is refused with 401/403 and a problem detail; a good one passes. */
class RejectedTokensTest extends GatewayIntegrationTest {

    static final String PROTECTED = "/api/security/clients";
    static final List<String> ADMIN = List.of("fleet:admin");

    @Autowired
    SigningKeyService keys;

    RSAKey signingKey;

    @BeforeEach
    void currentKey() {
        signingKey = (RSAKey) keys.publishedKeys().stream()
                .filter(k -> k.getKeyID().equals(keys.signingKid()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void acceptsAWellFormedTokenSignedByThePublishedKey() {
        assertThat(call(TestTokens.rs256(signingKey, TestTokens.claims(ADMIN).build()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesARequestWithoutToken() {
        assertRefused(call(null), 401, "unauthenticated");
    }

    @Test
    void refusesAnExpiredToken() {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        JWTClaimsSet expired = TestTokens.claims(ADMIN)
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(15))))
                .build();
        assertRefused(call(TestTokens.rs256(signingKey, expired)), 401, "invalid-token");
    }

    @Test
    void refusesATokenSignedByAKeyNotInTheJwks() {
        RSAKey foreign = TestTokens.foreignKey("not-ours");
        assertRefused(call(TestTokens.rs256(foreign, TestTokens.claims(ADMIN).build())), 401, "invalid-token");
    }

    @Test
    void refusesATokenSignedByAForeignKeyClaimingOurKid() {
        RSAKey impostor = TestTokens.foreignKey(signingKey.getKeyID());
        assertRefused(call(TestTokens.rs256(impostor, TestTokens.claims(ADMIN).build())), 401, "invalid-token");
    }

    @Test
    void refusesAnUnsignedTokenWithAlgNone() {
        assertRefused(call(TestTokens.unsigned(TestTokens.claims(ADMIN).build())), 401, "invalid-token");
    }

    @Test
    void refusesAnHs256TokenSignedWithThePublicKeyAsSecret() {
        assertRefused(
                call(TestTokens.hs256WithPublicKey(
                        signingKey, TestTokens.claims(ADMIN).build())),
                401,
                "invalid-token");
    }

    @Test
    void refusesATokenWithAWrongIssuer() {
        JWTClaimsSet claims = TestTokens.claims(ADMIN).issuer("http://evil").build();
        assertRefused(call(TestTokens.rs256(signingKey, claims)), 401, "invalid-token");
    }

    @Test
    void refusesATokenWithAWrongAudience() {
        JWTClaimsSet claims =
                TestTokens.claims(ADMIN).audience("another-system").build();
        assertRefused(call(TestTokens.rs256(signingKey, claims)), 401, "invalid-token");
    }

    @Test
    void refusesATokenWhosePayloadWasTamperedWith() {
        String readOnly = TestTokens.rs256(
                signingKey, TestTokens.claims(List.of("fleet:read")).build());
        String tampered =
                TestTokens.withPayload(readOnly, TestTokens.claims(ADMIN).build());
        assertRefused(call(tampered), 401, "invalid-token");
    }

    @Test
    void refusesARealTokenThatLacksTheScope() {
        Answer answer = call(TestTokens.rs256(
                signingKey, TestTokens.claims(List.of("fleet:read")).build()));

        assertRefused(answer, 403, "insufficient-scope");
        assertThat(answer.wwwAuthenticate()).contains("insufficient_scope");
    }

    @Test
    void refusesAGarbageBearerValue() {
        assertRefused(call("not-a-token"), 401, "invalid-token");
    }

    private Answer call(String bearer) {
        return http().get(PROTECTED, bearer);
    }

    private static void assertRefused(Answer answer, int status, String code) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
        assertThat(answer.body().get("code").asString()).isEqualTo(code);
        assertThat(answer.wwwAuthenticate()).startsWith("Bearer");
    }
}
