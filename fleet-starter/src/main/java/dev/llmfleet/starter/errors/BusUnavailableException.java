package dev.llmfleet.starter.errors;

/** The bus did not take (or acknowledge) a publish; the reporter keeps the events and retries. */
public class BusUnavailableException extends RuntimeException {

    private BusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public static BusUnavailableException because(String transport, Throwable cause) {
        return new BusUnavailableException("The %s bus did not take the events: %s".formatted(transport, cause), cause);
    }

    public static BusUnavailableException because(String transport, String reason) {
        return new BusUnavailableException("The %s bus did not take the events: %s".formatted(transport, reason), null);
    }
}
