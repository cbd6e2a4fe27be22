package dev.llmfleet.api.error;

/**
 * Base of every domain exception the fleet maps to an RFC 9457 problem detail.
 *
 * <p>Subclasses pick a {@link Kind}; the {@code code} is stable and machine-readable
 * (e.g. {@code job-not-found}) and becomes both the problem's {@code code} and the last
 * segment of its {@code type} URI.
 */
public abstract class FleetException extends RuntimeException {

    /** The family of failure, which decides the HTTP status. */
    public enum Kind {
        INVALID(400),
        UNAUTHENTICATED(401),
        FORBIDDEN(403),
        NOT_FOUND(404),
        CONFLICT(409),
        GONE(410),
        TOO_LARGE(413),
        UNPROCESSABLE(422),
        TOO_MANY_REQUESTS(429),
        UNAVAILABLE(503),
        INSUFFICIENT_STORAGE(507);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String code;

    protected FleetException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    protected FleetException(Kind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
