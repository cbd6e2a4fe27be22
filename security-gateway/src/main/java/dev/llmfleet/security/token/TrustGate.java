package dev.llmfleet.security.token;

import dev.llmfleet.api.security.ClientResponse;
import dev.llmfleet.security.audit.AuditLog;
import dev.llmfleet.security.audit.AuditOutcome;
import dev.llmfleet.security.client.ClientService;
import dev.llmfleet.security.trust.TrustReason;
import dev.llmfleet.security.trust.TrustService;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;

/**
 * Stands in front of the client-credentials grant: a client below the trust threshold gets no
 * token; a request for scopes the client does not hold lowers its score; a clean issuance lets the
 * score recover a little.
 */
final class TrustGate implements AuthenticationProvider {

    private final AuthenticationProvider grant;
    private final ClientService clients;
    private final TrustService trust;
    private final AuditLog audit;
    private final MeterRegistry meters;

    TrustGate(
            AuthenticationProvider grant,
            ClientService clients,
            TrustService trust,
            AuditLog audit,
            MeterRegistry meters) {
        this.grant = grant;
        this.clients = clients;
        this.trust = trust;
        this.audit = audit;
        this.meters = meters;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2ClientCredentialsAuthenticationToken request =
                (OAuth2ClientCredentialsAuthenticationToken) authentication;
        String clientId = ((OAuth2ClientAuthenticationToken) request.getPrincipal())
                .getRegisteredClient()
                .getClientId();
        ClientResponse client = clients.get(clientId);
        if (!client.trusted()) {
            audit.recordAs(
                    clientId,
                    "token.issue",
                    clientId,
                    AuditOutcome.DENIED,
                    "trust score %d below %d".formatted(client.trustScore(), trust.threshold()));
            meters.counter("fleet.security.tokens", "outcome", "untrusted").increment();
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "The client's trust score is below the threshold", null));
        }
        try {
            Authentication issued = grant.authenticate(authentication);
            trust.recordCleanActivity(clientId, client.trustScore());
            meters.counter("fleet.security.tokens", "outcome", "issued").increment();
            return issued;
        } catch (OAuth2AuthenticationException e) {
            if (OAuth2ErrorCodes.INVALID_SCOPE.equals(e.getError().getErrorCode())) {
                trust.penalize(clientId, TrustReason.SCOPE_REFUSED, "asked for " + request.getScopes());
                audit.recordAs(clientId, "token.issue", clientId, AuditOutcome.DENIED, "scopes " + request.getScopes());
            }
            meters.counter("fleet.security.tokens", "outcome", "refused").increment();
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return grant.supports(authentication);
    }
}
