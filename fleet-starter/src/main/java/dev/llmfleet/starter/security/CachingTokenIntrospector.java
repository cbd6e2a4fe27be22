package dev.llmfleet.starter.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Reuses an introspection answer (active or not) for a short time, so that an API key costs one
 * call to the gateway per {@code ttl}, and a revoked key stops working within {@code ttl}. Tokens
 * are held as SHA-256 digests, never in clear.
 */
public class CachingTokenIntrospector implements OpaqueTokenIntrospector {

    private static final int MAX_ENTRIES = 10_000;

    private record Answer(OAuth2AuthenticatedPrincipal principal, String refusal, Instant until) {}

    private final OpaqueTokenIntrospector delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    public CachingTokenIntrospector(OpaqueTokenIntrospector delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        String key = digest(token);
        Instant now = clock.instant();
        Answer answer = answers.get(key);
        if (answer == null || !answer.until().isAfter(now)) {
            answer = ask(token, now);
            if (answers.size() >= MAX_ENTRIES) {
                answers.values().removeIf(a -> !a.until().isAfter(now));
                if (answers.size() >= MAX_ENTRIES) {
                    answers.clear();
                }
            }
            answers.put(key, answer);
        }
        if (answer.principal() == null) {
            throw new BadOpaqueTokenException(answer.refusal());
        }
        return answer.principal();
    }

    /** Forgets every answer (e.g. in tests, or after a mass revocation). */
    public void clear() {
        answers.clear();
    }

    private Answer ask(String token, Instant now) {
        try {
            return new Answer(delegate.introspect(token), null, now.plus(ttl));
        } catch (BadOpaqueTokenException e) {
            return new Answer(null, e.getMessage(), now.plus(ttl));
        } catch (GatewayIntrospector.UnverifiableTokenException e) {
            throw new BadOpaqueTokenException(e.getMessage(), e);
        }
    }

    private static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
