package dev.llmfleet.inference.engine;

import dev.llmfleet.api.error.FleetException;

/** Why the inference host refuses or fails a request; {@link #param()} names the offending request field, if any. */
public final class InferenceException extends FleetException {

    private final String param;

    private InferenceException(Kind kind, String code, String message, String param, Throwable cause) {
        super(kind, code, message, cause);
        this.param = param;
    }

    private InferenceException(Kind kind, String code, String message) {
        this(kind, code, message, null, null);
    }

    public String param() {
        return param;
    }

    public static InferenceException noModelLoaded() {
        return new InferenceException(
                Kind.UNAVAILABLE, "model-not-loaded", "No model is loaded yet; try again shortly");
    }

    public static InferenceException queueFull(int capacity) {
        return new InferenceException(
                Kind.TOO_MANY_REQUESTS,
                "queue-full",
                "The server is overloaded: " + capacity + " requests are already waiting; retry later");
    }

    public static InferenceException promptTooLong(int promptTokens, int contextLength) {
        return new InferenceException(
                Kind.INVALID,
                "context-length-exceeded",
                "The prompt has " + promptTokens + " tokens but the model's context is " + contextLength
                        + " tokens, which leaves no room for a completion",
                "messages",
                null);
    }

    public static InferenceException unknownModel(String requested) {
        return new InferenceException(
                Kind.NOT_FOUND, "model-not-found", "The model '" + requested + "' does not exist", "model", null);
    }

    public static InferenceException invalid(String param, String message) {
        return new InferenceException(Kind.INVALID, "invalid-request", message, param, null);
    }

    public static InferenceException reloadInProgress() {
        return new InferenceException(Kind.CONFLICT, "reload-in-progress", "Another reload is in progress");
    }

    public static InferenceException loadFailed(String source, Throwable cause) {
        return new InferenceException(
                Kind.UNPROCESSABLE,
                "model-load-failed",
                "Could not load " + source + ": " + cause.getMessage() + "; the previous model keeps serving",
                null,
                cause);
    }

    public static InferenceException generationFailed(Throwable cause) {
        return new InferenceException(
                Kind.UNAVAILABLE, "generation-failed", "The generation failed: " + cause.getMessage(), null, cause);
    }
}
