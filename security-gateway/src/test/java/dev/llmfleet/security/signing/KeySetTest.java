package dev.llmfleet.security.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeySetTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aNewKeyIsPublishedBeforeItSignsAndTheOldOneStaysUntilItsTokensExpire() throws JOSEException {
        RSAKey old = new RSAKeyGenerator(2048).keyID("old").generate();
        RSAKey fresh = new RSAKeyGenerator(2048).keyID("new").generate();
        Instant takeover = T0.plusSeconds(30);
        Instant removeOld = takeover.plusSeconds(960);
        KeySet keys = new KeySet(List.of(
                new KeySet.Entry(old, T0.minusSeconds(3600), takeover, removeOld),
                new KeySet.Entry(fresh, takeover, null, null)));

        assertThat(kids(keys.published(T0))).containsExactly("old", "new");
        assertThat(keys.signingKid(T0)).isEqualTo("old");

        assertThat(keys.signingKid(takeover)).isEqualTo("new");
        assertThat(kids(keys.published(takeover.plusSeconds(900)))).containsExactly("old", "new");

        assertThat(kids(keys.published(removeOld))).containsExactly("new");
    }

    private static List<String> kids(List<JWK> keys) {
        return keys.stream().map(JWK::getKeyID).toList();
    }
}
