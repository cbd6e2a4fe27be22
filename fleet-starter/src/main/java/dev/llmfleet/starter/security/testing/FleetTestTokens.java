package dev.llmfleet.starter.security.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.llmfleet.starter.security.FleetJwtDecoders;
import dev.llmfleet.starter.security.FleetSecurityProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Valid fleet tokens for tests of other services, without a gateway: {@code @Import(FleetTestTokens.Decoder.class)}
 * makes the service trust a key made for this JVM, and {@link #bearer} mints tokens signed with it.
 *
 * <pre>{@code
 * mvc.get().uri("/api/queue").header("Authorization", FleetTestTokens.bearer(FleetScopes.READ))
 * }</pre>
 *
 * Tests that are not about security can instead set {@code fleet.security.enabled=false}.
 */
public final class FleetTestTokens {

    private static final RSAKey key = generate();

    private FleetTestTokens() {}

    /** An {@code Authorization} header value for a client {@code test-client} holding {@code scopes}. */
    public static String bearer(String... scopes) {
        return "Bearer " + token("test-client", List.of(scopes));
    }

    /** A token for {@code clientId} with {@code scopes}, valid for 15 minutes, default issuer and audience. */
    public static String token(String clientId, List<String> scopes) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("http://security-gateway")
                .audience("llm-fleet")
                .subject(clientId)
                .claim("scope", scopes)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the service under test trust the tokens {@link #bearer} mints (instead of the gateway's JWKS). */
    @Configuration(proxyBeanMethods = false)
    public static class Decoder {

        @Bean
        @Primary
        JwtDecoder fleetTestJwtDecoder(FleetSecurityProperties security) {
            return FleetJwtDecoders.create(
                    new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), security.issuer(), security.audience());
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("fleet-test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
