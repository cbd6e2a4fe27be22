package dev.llmfleet.security.token;

import dev.llmfleet.security.audit.AuditLog;
import dev.llmfleet.security.audit.AuditOutcome;
import dev.llmfleet.security.trust.TrustReason;
import dev.llmfleet.security.trust.TrustService;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** A client that failed to authenticate at an OAuth2 endpoint: audited, and its trust score lowered. */
final class FailedClientAuthenticationHandler implements AuthenticationFailureHandler {

    private final TrustService trust;
    private final AuditLog audit;
    private final MeterRegistry meters;

    FailedClientAuthenticationHandler(TrustService trust, AuditLog audit, MeterRegistry meters) {
        this.trust = trust;
        this.audit = audit;
        this.meters = meters;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String claimed = ClaimedClientId.of(request);
        String actor = claimed == null || claimed.isBlank() ? AuditLog.SYSTEM : claimed;
        audit.recordAs(actor, "client.authenticate", claimed, AuditOutcome.FAILURE, request.getRequestURI());
        trust.penalize(claimed, TrustReason.FAILED_AUTHENTICATION, request.getRequestURI());
        meters.counter("fleet.security.authentication.failures").increment();
        // RFC 6749 5.2: a client that failed to authenticate gets 401, not the 400 of other errors
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"fleet\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter()
                .write("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
    }
}
