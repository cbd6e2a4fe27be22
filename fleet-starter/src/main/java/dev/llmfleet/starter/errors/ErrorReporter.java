package dev.llmfleet.starter.errors;

import dev.llmfleet.api.error.FleetException;
import dev.llmfleet.api.errorbus.CauseInfo;
import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.Severity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Reports errors and notable events of this service to the fleet's error bus.
 *
 * <p>Every method returns at once and never throws: the event is handed to a background dispatcher
 * that publishes it, and spools it to disk while the bus is down. The returned event carries the id
 * it will be stored under at the error-bus. Events with a client id are held against that client
 * (they feed the security-gateway's trust scores).
 */
public class ErrorReporter {

    private static final Log log = LogFactory.getLog(ErrorReporter.class);
    private static final int MAX_CAUSES = 10;
    private static final int MAX_MESSAGE = 8_000;

    private final String service;
    private final Supplier<String> instance;
    private final EventDispatcher dispatcher;
    private final Clock clock;

    public ErrorReporter(String service, Supplier<String> instance, EventDispatcher dispatcher, Clock clock) {
        this.service = service;
        this.instance = instance;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Reports an exception nobody handled in a request; its code is the problem code it was answered with. */
    public FleetEvent unhandled(Throwable error, @Nullable String clientId) {
        String code = error instanceof FleetException fleet ? fleet.code() : "internal-error";
        return report(Severity.ERROR, code, String.valueOf(error.getMessage()), error, clientId);
    }

    /** Reports a failure of a background loop (a scheduled task, a consumer). */
    public FleetEvent backgroundFailure(Throwable error) {
        return report(Severity.ERROR, "background-failure", String.valueOf(error.getMessage()), error, null);
    }

    /** Reports a failure held against a client: a rejected token, a throttled caller, a malicious request. */
    public FleetEvent clientError(String clientId, String code, String message) {
        return report(Severity.WARNING, code, message, null, clientId);
    }

    /** Reports a notable event that is not a failure. */
    public FleetEvent event(Severity severity, String code, String message) {
        return report(severity, code, message, null, null);
    }

    /**
     * Reports anything.
     *
     * @param error the exception, whose cause chain is kept, or {@code null}
     * @param clientId the client it is held against, or {@code null}
     */
    public FleetEvent report(
            Severity severity, String code, String message, @Nullable Throwable error, @Nullable String clientId) {
        try {
            FleetEvent event = new FleetEvent(
                    newId(),
                    truncate(service, FleetEvent.MAX_NAME),
                    truncate(instance.get(), FleetEvent.MAX_ID),
                    severity,
                    truncate(code, FleetEvent.MAX_CODE),
                    truncate(message, MAX_MESSAGE),
                    causes(error),
                    truncate(MDC.get("traceId"), FleetEvent.MAX_ID),
                    truncate(clientId, FleetEvent.MAX_ID),
                    clock.instant());
            dispatcher.offer(event);
            return event;
        } catch (RuntimeException e) {
            log.warn("Could not report " + code + " to the error bus: " + e);
            return null;
        }
    }

    /** Events reported but not yet acknowledged by the bus. */
    public long pending() {
        return dispatcher.pending();
    }

    /** A random (version 4) UUID; ids need to be unique, not secret, so no SecureRandom on the hot path. */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    static List<CauseInfo> causes(@Nullable Throwable error) {
        List<CauseInfo> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && chain.size() < MAX_CAUSES && seen.add(t); t = t.getCause()) {
            chain.add(new CauseInfo(t.getClass().getName(), truncate(t.getMessage(), MAX_MESSAGE)));
        }
        return chain;
    }

    private static String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
