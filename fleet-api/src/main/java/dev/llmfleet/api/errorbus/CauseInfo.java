package dev.llmfleet.api.errorbus;

/**
 * One link of an exception's cause chain, outermost first.
 *
 * @param type the exception's class name
 * @param message its message, possibly {@code null}
 */
public record CauseInfo(String type, String message) {}
