package dev.llmfleet.starter.security;

import dev.llmfleet.api.error.ProblemCodes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problem details, with the {@code WWW-Authenticate} header that RFC 6750
 * asks for, so that a refused request looks like every other fleet error.
 */
public final class SecurityProblems {

    private static final JsonMapper json = JsonMapper.builder().build();

    private SecurityProblems() {}

    /** Writes the 401 for a missing or invalid token. */
    public static AuthenticationEntryPoint entryPoint() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            bearer.commence(request, response, e);
            write(response, HttpStatus.UNAUTHORIZED, codeFor(e), detailFor(e), request);
        };
    }

    /** Writes the 403 for a token without the scope an endpoint needs, and tells {@code onRefusal}. */
    public static AccessDeniedHandler accessDenied(ScopeRefusalListener onRefusal) {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, e) -> {
            bearer.handle(request, response, e);
            onRefusal.refused(request);
            write(response, HttpStatus.FORBIDDEN, "insufficient-scope", detailFor(e), request);
        };
    }

    /** Told about each request refused for scope (the gateway lowers the caller's trust score). */
    @FunctionalInterface
    public interface ScopeRefusalListener {
        void refused(HttpServletRequest request);
    }

    static void write(
            HttpServletResponse response, HttpStatus status, String code, String detail, HttpServletRequest request)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemCodes.type(code).toString());
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("code", code);
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private static String codeFor(AuthenticationException e) {
        return e instanceof org.springframework.security.authentication.InsufficientAuthenticationException
                ? "unauthenticated"
                : "invalid-token";
    }

    private static String detailFor(AuthenticationException e) {
        return e instanceof org.springframework.security.authentication.InsufficientAuthenticationException
                ? "A bearer token (JWT or API key) is required"
                : "The bearer token is not valid: " + e.getMessage();
    }

    private static String detailFor(AccessDeniedException e) {
        return "The token lacks the scope this endpoint needs";
    }
}
