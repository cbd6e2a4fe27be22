package dev.llmfleet.api.errorbus;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * An error or notable event of a fleet service, as it travels on the bus and as the error-bus
 * stores and serves it.
 *
 * @param id the message id, unique per event; a retried publish carries the same id and is stored
 *     once
 * @param service the reporting service's name, e.g. {@code resource-scheduler}
 * @param instance the reporting instance's id
 * @param severity how bad it is
 * @param code a stable machine-readable code, e.g. {@code internal-error} or {@code job-failed}
 * @param message a human-readable message
 * @param causes the cause chain, outermost first; empty for events without an exception
 * @param traceId the trace the event happened in, when known
 * @param clientId the client (JWT subject or API key) the event is held against, when known
 * @param occurredAt when it happened
 */
public record FleetEvent(
        @NotBlank @Size(max = MAX_ID) String id,
        @NotBlank @Size(max = MAX_NAME) String service,
        @Size(max = MAX_ID) String instance,
        @NotNull Severity severity,
        @NotBlank @Size(max = MAX_CODE) String code,
        String message,
        List<CauseInfo> causes,
        @Size(max = MAX_ID) String traceId,
        @Size(max = MAX_ID) String clientId,
        @NotNull Instant occurredAt) {

    /** Longest id, instance, trace id or client id the error-bus stores. */
    public static final int MAX_ID = 200;
    /** Longest service name the error-bus stores. */
    public static final int MAX_NAME = 100;
    /** Longest code the error-bus stores. */
    public static final int MAX_CODE = 200;

    public FleetEvent {
        causes = causes == null ? List.of() : List.copyOf(causes);
    }

    /** Whether the event is held against a client (feeds the security-gateway's trust scores). */
    public boolean concernsClient() {
        return clientId != null && !clientId.isBlank();
    }
}
