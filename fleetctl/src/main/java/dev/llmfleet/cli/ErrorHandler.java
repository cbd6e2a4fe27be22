package dev.llmfleet.cli;

import java.util.Map;
import java.util.Optional;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns failures into one line on stderr and an exit code; never a stack trace. */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        int code;
        String message;
        switch (e) {
            case CliException cli1 -> {
                code = cli1.exitCode();
                message = cli1.getMessage();
            }
            case RestClientResponseException http -> {
                code = switch (http.getStatusCode().value()) {
                    case 401, 403 -> ExitCodes.NOT_AUTHENTICATED;
                    case 404 -> ExitCodes.NOT_FOUND;
                    case 400, 409, 422 -> ExitCodes.FAILURE;
                    case 502, 503, 504 -> ExitCodes.UNREACHABLE;
                    default -> ExitCodes.FAILURE;
                };
                message = problemMessage(http);
            }
            case ResourceAccessException unreachable -> {
                code = ExitCodes.UNREACHABLE;
                message = "The fleet cannot be reached (" + target(unreachable) + "): " + rootMessage(unreachable);
            }
            default -> {
                code = ExitCodes.FAILURE;
                message = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        cli.getErr().println("fleetctl: " + message);
        cli.getErr().flush();
        return code;
    }

    /** The problem detail's {@code detail}, else its {@code title}, else the status line. */
    static String problemMessage(RestClientResponseException http) {
        try {
            Map<?, ?> problem = http.getResponseBodyAs(Map.class);
            if (problem != null) {
                Object detail = problem.get("detail");
                if (detail == null && problem.get("error") instanceof Map<?, ?> openAi) {
                    detail = openAi.get("message");
                }
                if (detail == null && problem.get("error") instanceof String oauth) {
                    Object description = problem.get("error_description");
                    detail = description == null ? oauth : oauth + ": " + description;
                }
                if (detail == null) {
                    detail = problem.get("title");
                }
                if (detail != null) {
                    return detail + " (HTTP " + http.getStatusCode().value() + ")";
                }
            }
        } catch (RuntimeException ignored) {
            // not a JSON body: fall back to the status line
        }
        return "HTTP " + http.getStatusCode().value() + " " + http.getStatusText();
    }

    /** The problem detail's {@code code} ({@code dataset-rejected}, ...), when the answer has one. */
    static Optional<String> problemCode(RestClientResponseException http) {
        try {
            Map<?, ?> problem = http.getResponseBodyAs(Map.class);
            return problem != null && problem.get("code") instanceof String code ? Optional.of(code) : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /** The URL a failed request went to, as Spring's message quotes it. */
    private static String target(ResourceAccessException e) {
        String message = String.valueOf(e.getMessage());
        int start = message.indexOf('"');
        int end = message.indexOf('"', start + 1);
        return start >= 0 && end > start ? message.substring(start + 1, end) : "no answer";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof java.net.ConnectException || root instanceof java.nio.channels.ClosedChannelException) {
            return "connection refused";
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
