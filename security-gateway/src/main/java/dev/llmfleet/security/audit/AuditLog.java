package dev.llmfleet.security.audit;

import dev.llmfleet.api.security.AuditEntry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The gateway's append-only audit trail. Each line is written in its own transaction, so that a
 * refused or failed action is recorded even when the action itself rolls back.
 */
@Service
public class AuditLog {

    /** The actor when nobody authenticated (a failed login, the gateway's own start-up work). */
    public static final String SYSTEM = "system";

    private final AuditEventRepository events;
    private final Clock clock;

    AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records an action by the current caller (or {@link #SYSTEM}). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String action, String target, AuditOutcome outcome, String detail) {
        recordAs(currentActor(), action, target, outcome, detail);
    }

    /** Records an action by an explicitly named actor (e.g. the client id a failed login claimed). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAs(String actor, String action, String target, AuditOutcome outcome, String detail) {
        events.save(new AuditEvent(clock.instant(), actor, action, target, outcome, remoteAddress(), detail));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit) {
        return events.findByOrderByIdDesc(PageRequest.of(0, Math.clamp(limit, 1, 1000))).stream()
                .map(AuditEvent::toApi)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> about(String target) {
        return events.findByTargetOrderByIdAsc(target).stream()
                .map(AuditEvent::toApi)
                .toList();
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null
                        || !authentication.isAuthenticated()
                        || authentication instanceof AnonymousAuthenticationToken
                ? SYSTEM
                : authentication.getName();
    }

    private static String remoteAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
