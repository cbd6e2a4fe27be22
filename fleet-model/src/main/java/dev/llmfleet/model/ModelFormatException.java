package dev.llmfleet.model;

/**
 * A model folder the fleet cannot run: an unknown {@code model_type}, a setting it does not
 * implement, a missing or mis-shaped tensor, an unknown dtype. The message names the file and the
 * field or tensor, so a person can tell what to fix.
 */
public final class ModelFormatException extends RuntimeException {

    private ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    public static ModelFormatException of(String message) {
        return new ModelFormatException(message, null);
    }

    public static ModelFormatException field(String file, String field, String problem) {
        return new ModelFormatException(file + ": " + field + " " + problem, null);
    }

    public static ModelFormatException tensor(String tensor, String problem) {
        return new ModelFormatException("tensor " + tensor + " " + problem, null);
    }

    public static ModelFormatException unreadable(String file, Throwable cause) {
        return new ModelFormatException(file + " cannot be read: " + cause.getMessage(), cause);
    }
}
