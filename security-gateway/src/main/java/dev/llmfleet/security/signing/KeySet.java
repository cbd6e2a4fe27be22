package dev.llmfleet.security.signing;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** An immutable snapshot of the keys: which are published, and which one signs at a given time. */
record KeySet(List<Entry> entries) {

    record Entry(RSAKey jwk, Instant signsFrom, Instant retiredAt, Instant removeAfter) {

        boolean signsAt(Instant now) {
            return !signsFrom.isAfter(now) && (retiredAt == null || retiredAt.isAfter(now));
        }

        boolean publishedAt(Instant now) {
            return removeAfter == null || removeAfter.isAfter(now);
        }
    }

    static KeySet of(List<SigningKey> keys) {
        return new KeySet(keys.stream()
                .map(k -> new Entry(
                        k.toJwk(),
                        k.signsFrom(),
                        k.toApi().retiredAt(),
                        k.toApi().removeAfter()))
                .toList());
    }

    List<JWK> published(Instant now) {
        return entries.stream()
                .filter(e -> e.publishedAt(now))
                .map(e -> (JWK) e.jwk())
                .toList();
    }

    /** The newest key that signs at {@code now}; null when none does (never after start-up). */
    String signingKid(Instant now) {
        return entries.stream()
                .filter(e -> e.signsAt(now))
                .max(Comparator.comparing(Entry::signsFrom))
                .map(e -> e.jwk().getKeyID())
                .orElse(null);
    }
}
