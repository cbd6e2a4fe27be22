package dev.llmfleet.starter.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.client.RestClient;

/**
 * The gateway's JWKS, fetched from {@code /oauth2/jwks} of the instance the registry names, cached
 * for {@code ttl} and fetched again when a token names a {@code kid} it does not hold (at most once
 * per {@code minRefreshInterval}, so that forged kids cannot hammer the gateway).
 */
public class GatewayJwkSource implements JWKSource<SecurityContext> {

    private static final Log log = LogFactory.getLog(GatewayJwkSource.class);

    private record Cached(JWKSet keys, Instant fetchedAt) {}

    private final Supplier<RestClient> gateway;
    private final Duration ttl;
    private final Duration minRefreshInterval;
    private final Clock clock;
    private volatile Cached cached;

    /** @param gateway a client whose base URL reaches the gateway (resolved lazily) */
    public GatewayJwkSource(Supplier<RestClient> gateway, Duration ttl, Duration minRefreshInterval, Clock clock) {
        this.gateway = gateway;
        this.ttl = ttl;
        this.minRefreshInterval = minRefreshInterval;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        Instant now = clock.instant();
        Cached current = cached;
        if (current == null || current.fetchedAt().plus(ttl).isBefore(now)) {
            current = refresh(current, now);
        }
        List<JWK> found = selector.select(current.keys());
        if (found.isEmpty() && current.fetchedAt().plus(minRefreshInterval).isBefore(now)) {
            current = refresh(current, now);
            found = selector.select(current.keys());
        }
        return found;
    }

    private synchronized Cached refresh(Cached seen, Instant now) throws KeySourceException {
        if (cached != seen) {
            return cached; // another thread fetched meanwhile
        }
        try {
            String body = gateway.get().get().uri("/oauth2/jwks").retrieve().body(String.class);
            cached = new Cached(JWKSet.parse(body), now);
            return cached;
        } catch (ParseException | RuntimeException e) {
            if (seen != null) {
                log.warn("Cannot fetch the gateway's JWKS, keeping the known keys: " + e.getMessage());
                return seen;
            }
            throw new KeySourceException("Cannot fetch the gateway's JWKS: " + e.getMessage(), e);
        }
    }
}
