package dev.llmfleet.security.signing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.llmfleet.api.security.SigningKeyResponse;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;

/**
 * An RS256 signing key and its life: published from {@code createdAt}, signing from
 * {@code signsFrom} until {@code retiredAt}, in the JWKS until {@code removeAfter}.
 */
@Entity
@Table(name = "signing_key")
class SigningKey {

    static final String RS256 = "RS256";

    @Id
    private String kid;

    @Column(nullable = false)
    private String algorithm;

    @Column(name = "public_key", nullable = false)
    private byte[] publicKey;

    @Column(name = "private_key", nullable = false)
    private byte[] privateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "signs_from", nullable = false)
    private Instant signsFrom;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Column(name = "remove_after")
    private Instant removeAfter;

    @Version
    private long version;

    protected SigningKey() {}

    SigningKey(String kid, KeyPair pair, Instant createdAt, Instant signsFrom) {
        this.kid = kid;
        this.algorithm = RS256;
        this.publicKey = pair.getPublic().getEncoded();
        this.privateKey = pair.getPrivate().getEncoded();
        this.createdAt = createdAt;
        this.signsFrom = signsFrom;
    }

    /** Stops signing at {@code when}; stays verifiable for {@code verifiableFor} after that. */
    void retire(Instant when, Duration verifiableFor) {
        if (retiredAt != null) {
            throw new IllegalStateException("Key " + kid + " was already retired at " + retiredAt);
        }
        retiredAt = when;
        removeAfter = when.plus(verifiableFor);
    }

    boolean signsAt(Instant now) {
        return !signsFrom.isAfter(now) && (retiredAt == null || retiredAt.isAfter(now));
    }

    boolean publishedAt(Instant now) {
        return removeAfter == null || removeAfter.isAfter(now);
    }

    boolean isRetired() {
        return retiredAt != null;
    }

    String kid() {
        return kid;
    }

    Instant signsFrom() {
        return signsFrom;
    }

    Instant createdAt() {
        return createdAt;
    }

    RSAKey toJwk() {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey));
            RSAPrivateKey priv = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey));
            return new RSAKey.Builder(pub)
                    .privateKey(priv)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored key " + kid + " cannot be read", e);
        }
    }

    SigningKeyResponse toApi() {
        return new SigningKeyResponse(kid, algorithm, createdAt, signsFrom, retiredAt, removeAfter);
    }
}
