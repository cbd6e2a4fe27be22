package dev.llmfleet.security.token;

import dev.llmfleet.security.GatewayProperties;
import dev.llmfleet.security.audit.AuditLog;
import dev.llmfleet.security.audit.AuditOutcome;
import dev.llmfleet.security.client.ClientService;
import dev.llmfleet.security.trust.TrustReason;
import dev.llmfleet.security.trust.TrustService;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A per-client limit on the token endpoint (Resilience4j, one limiter per known client). A request
 * over the limit gets a 429 with an OAuth2-style error body, and lowers the client's trust score.
 */
final class TokenRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiterRegistry limiters;
    private final ClientService clients;
    private final TrustService trust;
    private final AuditLog audit;

    TokenRateLimitFilter(
            GatewayProperties.RateLimit settings, ClientService clients, TrustService trust, AuditLog audit) {
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(settings.tokensPerPeriod())
                .limitRefreshPeriod(settings.period())
                .timeoutDuration(Duration.ZERO)
                .build());
        this.clients = clients;
        this.trust = trust;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"/oauth2/token".equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientId = ClaimedClientId.of(request);
        if (clientId == null || !clients.exists(clientId)) {
            chain.doFilter(request, response); // unknown clients fail authentication instead
            return;
        }
        RateLimiter limiter = limiters.rateLimiter(clientId);
        if (limiter.acquirePermission()) {
            chain.doFilter(request, response);
            return;
        }
        trust.penalize(clientId, TrustReason.RATE_LIMITED, "token endpoint");
        audit.recordAs(clientId, "token.issue", clientId, AuditOutcome.DENIED, "rate limited");
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter()
                .write(
                        "{\"error\":\"rate_limited\",\"error_description\":\"Too many token requests for this client\"}");
    }
}
