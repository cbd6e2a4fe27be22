package dev.llmfleet.starter.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Decoders that accept only what the gateway issues: RS256 (so {@code alg: none} and HS256 made
 * with the public key are refused), a key from its JWKS, its issuer, the fleet audience, and a
 * time window.
 */
public final class FleetJwtDecoders {

    private FleetJwtDecoders() {}

    public static JwtDecoder create(JWKSource<SecurityContext> keys, String issuer, String audience) {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        nimbus.setJwtValidator(validator(issuer, audience));
        return token -> {
            try {
                return nimbus.decode(token);
            } catch (BadJwtException e) {
                throw e;
            } catch (JwtException e) {
                // the keys could not be fetched: the token cannot be trusted, the caller is not at fault
                throw new BadJwtException("Token cannot be verified now: " + e.getMessage(), e);
            }
        };
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        OAuth2TokenValidator<Jwt> audienceValidator =
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audienceValidator);
    }
}
