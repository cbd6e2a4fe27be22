package dev.llmfleet.security.trust;

import dev.llmfleet.api.security.ClientResponse;
import dev.llmfleet.api.security.TrustReport;
import dev.llmfleet.api.security.TrustScoreResponse;
import dev.llmfleet.security.GatewayProperties;
import dev.llmfleet.security.audit.AuditLog;
import dev.llmfleet.security.audit.AuditOutcome;
import dev.llmfleet.security.client.ClientNotFoundException;
import dev.llmfleet.security.client.ClientService;
import dev.llmfleet.security.client.ClientService.TrustAdjustment;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Trust scores: they fall on misbehaviour and recover slowly with clean activity. Below the
 * threshold a client gets no tokens and its API keys are inactive. Every change is stored with its
 * reason; crossing the threshold is audited.
 */
@Service
public class TrustService {

    private static final Log log = LogFactory.getLog(TrustService.class);
    private static final int ATTEMPTS = 5;

    private final ClientService clients;
    private final TrustEventRepository events;
    private final AuditLog audit;
    private final GatewayProperties.Trust settings;
    private final Clock clock;
    private final MeterRegistry meters;

    TrustService(
            ClientService clients,
            TrustEventRepository events,
            AuditLog audit,
            GatewayProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.clients = clients;
        this.events = events;
        this.audit = audit;
        this.settings = properties.trust();
        this.clock = clock;
        this.meters = meters;
    }

    public int threshold() {
        return settings.threshold();
    }

    public boolean isTrusted(int score) {
        return score >= settings.threshold();
    }

    /** Lowers the score of a known client; an unknown client id is ignored (there is nobody to punish). */
    public void penalize(String clientId, TrustReason reason, String detail) {
        if (clientId == null || !clients.exists(clientId)) {
            return;
        }
        int penalty = switch (reason) {
            case FAILED_AUTHENTICATION -> settings.failedAuthentication();
            case SCOPE_REFUSED -> settings.scopeRefused();
            case RATE_LIMITED -> settings.rateLimited();
            case ERROR_REPORTED -> settings.errorReported();
            case CLEAN_ACTIVITY, ADMIN_RESET -> throw new IllegalArgumentException(reason + " is no penalty");
        };
        TrustAdjustment change = retrying(() -> clients.adjustTrust(clientId, -penalty, 0));
        store(clientId, change, reason, detail);
        meters.counter("fleet.security.trust.penalties", "reason", reason.name())
                .increment();
        int before = change.scoreAfter() - change.delta();
        if (isTrusted(before) && !isTrusted(change.scoreAfter())) {
            log.warn("Client '%s' fell below the trust threshold (%d < %d) after %s"
                    .formatted(clientId, change.scoreAfter(), settings.threshold(), reason));
            audit.recordAs(
                    AuditLog.SYSTEM,
                    "trust.below-threshold",
                    clientId,
                    AuditOutcome.DENIED,
                    "score %d after %s".formatted(change.scoreAfter(), reason));
        }
    }

    /** A clean token issuance: the score regains a little, never above the initial score. */
    public void recordCleanActivity(String clientId, int currentScore) {
        if (currentScore >= settings.initial() || settings.recovery() == 0) {
            return;
        }
        TrustAdjustment change = retrying(() -> clients.adjustTrust(clientId, settings.recovery(), settings.initial()));
        if (change.delta() != 0) {
            store(clientId, change, TrustReason.CLEAN_ACTIVITY, null);
        }
    }

    /** Sets the score back to its initial value (an admin's decision). */
    public TrustScoreResponse reset(String clientId) {
        TrustAdjustment change = retrying(() -> clients.resetTrust(clientId));
        store(clientId, change, TrustReason.ADMIN_RESET, null);
        audit.record("trust.reset", clientId, AuditOutcome.SUCCESS, "score " + change.scoreAfter());
        return view(clientId);
    }

    /** Misbehaviour reported by another service. */
    public TrustScoreResponse report(TrustReport report) {
        if (!clients.exists(report.clientId())) {
            throw ClientNotFoundException.forId(report.clientId());
        }
        TrustReason reason = switch (report.kind()) {
            case SCOPE_REFUSED -> TrustReason.SCOPE_REFUSED;
            case ERROR_REPORTED -> TrustReason.ERROR_REPORTED;
        };
        penalize(report.clientId(), reason, report.detail());
        audit.record("trust.report", report.clientId(), AuditOutcome.SUCCESS, reason.name());
        return view(report.clientId());
    }

    public TrustScoreResponse view(String clientId) {
        ClientResponse client = clients.get(clientId);
        return new TrustScoreResponse(
                clientId,
                client.trustScore(),
                settings.threshold(),
                client.trusted(),
                events.findByClientIdOrderByIdDesc(clientId, PageRequest.of(0, 50)).stream()
                        .map(TrustEvent::toApi)
                        .toList());
    }

    private void store(String clientId, TrustAdjustment change, TrustReason reason, String detail) {
        events.save(new TrustEvent(clientId, clock.instant(), change.delta(), change.scoreAfter(), reason, detail));
    }

    private static TrustAdjustment retrying(Supplier<TrustAdjustment> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (ObjectOptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
