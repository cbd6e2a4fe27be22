package dev.llmfleet.security.signing;

import com.nimbusds.jose.jwk.JWK;
import dev.llmfleet.api.security.SigningKeyResponse;
import dev.llmfleet.security.GatewayProperties;
import dev.llmfleet.security.audit.AuditLog;
import dev.llmfleet.security.audit.AuditOutcome;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token-signing keys and their rotation.
 *
 * <p>Rotation never breaks a request: the new key is published at once but signs only after
 * {@code publishLead} (services fetch the JWKS again on an unknown {@code kid} anyway); the old key
 * signs until then and stays published until every token it signed has expired.
 */
@Service
public class SigningKeyService {

    private static final Log log = LogFactory.getLog(SigningKeyService.class);

    private final SigningKeyRepository keys;
    private final AuditLog audit;
    private final GatewayProperties properties;
    private final Clock clock;
    private volatile KeySet current = new KeySet(List.of());

    SigningKeyService(SigningKeyRepository keys, AuditLog audit, GatewayProperties properties, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The keys in the JWKS now (public and private halves; the endpoint publishes only the public). */
    public List<JWK> publishedKeys() {
        return current.published(clock.instant());
    }

    /** The kid that signs now. */
    public String signingKid() {
        return current.signingKid(clock.instant());
    }

    /** Makes sure a key signs now: the first key on an empty database signs at once. */
    @Transactional
    public synchronized void ensureSigningKey() {
        reload();
        if (signingKid() == null) {
            Instant now = clock.instant();
            SigningKey key = new SigningKey(newKid(now), generate(), now, now);
            keys.save(key);
            log.info("Created the first signing key " + key.kid());
            reload();
        }
    }

    /** Rotates now: publishes a new key that takes over after the publish lead. */
    @Transactional
    public synchronized SigningKeyResponse rotate(String why) {
        Instant now = clock.instant();
        Instant takeover = now.plus(properties.keys().publishLead());
        Duration verifiable = properties.tokenTtl().plus(properties.keys().clockSkew());
        for (SigningKey key : keys.findAllByOrderBySignsFromAsc()) {
            if (!key.isRetired()) {
                key.retire(takeover.isAfter(key.signsFrom()) ? takeover : key.signsFrom(), verifiable);
            }
        }
        SigningKey fresh = new SigningKey(newKid(now), generate(), now, takeover);
        keys.save(fresh);
        keys.flush();
        reload();
        log.info("Rotated signing keys (" + why + "): " + fresh.kid() + " signs from " + takeover);
        audit.record("signing-key.rotate", fresh.kid(), AuditOutcome.SUCCESS, why);
        return fresh.toApi();
    }

    /** Rotates when the signing key is older than the rotation interval. */
    @Transactional
    public synchronized boolean rotateIfDue() {
        reload();
        Instant now = clock.instant();
        boolean due = keys.findAllByOrderBySignsFromAsc().stream()
                .filter(k -> !k.isRetired())
                .allMatch(k ->
                        k.signsFrom().plus(properties.keys().rotationInterval()).isBefore(now));
        if (due) {
            rotate("scheduled");
        }
        return due;
    }

    @Transactional(readOnly = true)
    public List<SigningKeyResponse> list() {
        return keys.findAllByOrderBySignsFromAsc().stream()
                .map(SigningKey::toApi)
                .toList();
    }

    /** Re-reads the keys (another gateway instance may have rotated). */
    @Transactional(readOnly = true)
    public void reload() {
        current = KeySet.of(keys.findAllByOrderBySignsFromAsc());
    }

    private static String newKid(Instant now) {
        return now.getEpochSecond() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static java.security.KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }
}
