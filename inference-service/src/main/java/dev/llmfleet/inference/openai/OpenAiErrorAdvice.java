package dev.llmfleet.inference.openai;

import dev.llmfleet.api.error.FleetException;
import dev.llmfleet.inference.engine.InferenceException;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import tools.jackson.databind.DatabindException;

/**
 * Errors of the OpenAI endpoints in OpenAI's envelope, so OpenAI clients understand them; ahead
 * of the fleet's problem-details advice, and only for these controllers.
 */
@RestControllerAdvice(
        assignableTypes = {ChatCompletionsController.class, CompletionsController.class, ModelsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenAiErrorAdvice {

    private static final Log log = LogFactory.getLog(OpenAiErrorAdvice.class);

    @ExceptionHandler(FleetException.class)
    ResponseEntity<OpenAiError> fleet(FleetException e) {
        return respond(HttpStatus.valueOf(e.kind().status()), envelope(e));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<OpenAiError> unreadable(HttpMessageNotReadableException e) {
        // Syntax errors are stream-read errors; a value of the wrong type is a databind error with a path.
        if (e.getCause() instanceof DatabindException jackson
                && !jackson.getPath().isEmpty()) {
            String param = jackson.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            return respond(
                    HttpStatus.BAD_REQUEST,
                    OpenAiError.of(
                            "Invalid value for '" + param + "': " + jackson.getOriginalMessage(),
                            "invalid_request_error",
                            param,
                            "invalid_type"));
        }
        return respond(
                HttpStatus.BAD_REQUEST,
                OpenAiError.of(
                        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using"
                                + " your HTTP library correctly.)",
                        "invalid_request_error",
                        null,
                        "invalid_json"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<OpenAiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                OpenAiError.of(
                        "Send the request body as application/json",
                        "invalid_request_error",
                        null,
                        "invalid_content_type"));
    }

    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("Client went away during a streamed response: " + e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<OpenAiError> unexpected(Exception e) {
        log.error("Unhandled exception on an OpenAI endpoint", e);
        return respond(
                HttpStatus.INTERNAL_SERVER_ERROR,
                OpenAiError.of("The server had an error while processing your request", "server_error", null, null));
    }

    /** The envelope for a failure, also sent as a stream's last event when a generation fails mid-way. */
    static OpenAiError envelope(RuntimeException e) {
        if (e instanceof FleetException fleet) {
            String param = fleet instanceof InferenceException inference ? inference.param() : null;
            return OpenAiError.of(
                    fleet.getMessage(), type(fleet.kind()), param, fleet.code().replace('-', '_'));
        }
        return OpenAiError.of("The server had an error while processing your request", "server_error", null, null);
    }

    private static String type(FleetException.Kind kind) {
        return switch (kind) {
            case INVALID, NOT_FOUND, CONFLICT, UNPROCESSABLE, TOO_LARGE, GONE -> "invalid_request_error";
            case UNAUTHENTICATED -> "authentication_error";
            case FORBIDDEN -> "permission_error";
            case TOO_MANY_REQUESTS -> "rate_limit_error";
            case UNAVAILABLE -> "service_unavailable_error";
            case INSUFFICIENT_STORAGE -> "server_error";
        };
    }

    private static ResponseEntity<OpenAiError> respond(HttpStatus status, OpenAiError error) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(error);
    }
}
