package dev.llmfleet.starter.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** Tells the two kinds of bearer token apart: the gateway's API keys all start with {@link #API_KEY_PREFIX}. */
public final class BearerTokens {

    /** The prefix of every API key the gateway makes. */
    public static final String API_KEY_PREFIX = "flk_";

    private static final DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();

    private BearerTokens() {}

    /** Whether the request carries an API key (introspected) rather than a JWT (verified locally). */
    public static boolean carriesApiKey(HttpServletRequest request) {
        try {
            String token = resolver.resolve(request);
            return token != null && token.startsWith(API_KEY_PREFIX);
        } catch (RuntimeException e) {
            return false; // a malformed header: the JWT path refuses it with a 401
        }
    }
}
