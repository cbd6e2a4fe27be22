package dev.llmfleet.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP server that answers as the fleet's registry and services would, from canned answers, so
 * that the CLI's own logic (parsing, rendering, exit codes) is tested without booting the fleet.
 * Every service name resolves to this server; an unknown route is a 404 problem detail.
 */
final class StandInFleet implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, String contentType, String body) {}

    record Request(String method, String path, String query, String contentType, byte[] body) {

        /** The multipart part named {@code name}, when the request is multipart and has one. */
        Optional<Part> part(String name) {
            if (contentType == null || !contentType.startsWith("multipart/")) {
                return Optional.empty();
            }
            String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
            boundary = "--" + boundary.split(";")[0].replace("\"", "");
            for (String chunk : new String(body, StandardCharsets.UTF_8).split(Pattern.quote(boundary))) {
                int headersEnd = chunk.indexOf("\r\n\r\n");
                if (headersEnd >= 0 && chunk.substring(0, headersEnd).contains("name=\"" + name + "\"")) {
                    String content = chunk.substring(headersEnd + 4);
                    return Optional.of(new Part(
                            chunk.substring(0, headersEnd).strip(),
                            content.endsWith("\r\n") ? content.substring(0, content.length() - 2) : content));
                }
            }
            return Optional.empty();
        }
    }

    /** One part of a multipart request: its header lines and its content as text. */
    record Part(String headers, String body) {}

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    StandInFleet() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} with {@code value} as JSON; the last answer queued repeats. */
    StandInFleet json(String method, String path, Object... values) {
        for (Object value : values) {
            answer(method, path, new Answer(200, "application/json", JSON.writeValueAsString(value)));
        }
        return this;
    }

    StandInFleet problem(String method, String path, int status, String code, String detail) {
        return answer(
                method,
                path,
                new Answer(
                        status,
                        "application/problem+json",
                        JSON.writeValueAsString(Map.of("status", status, "code", code, "detail", detail))));
    }

    StandInFleet answer(String method, String path, Answer answer) {
        answers.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(answer);
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(
                    exchange.getRequestMethod(),
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body));
            Answer answer = path.startsWith("/api/registry/services/") && path.endsWith("/instances")
                    ? instances(path)
                    : next(exchange.getRequestMethod() + " " + path);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Answer next(String route) {
        Deque<Answer> queued = answers.get(route);
        if (queued == null || queued.isEmpty()) {
            return new Answer(
                    404,
                    "application/problem+json",
                    JSON.writeValueAsString(Map.of("status", 404, "detail", "No route " + route)));
        }
        return queued.size() > 1 ? queued.poll() : queued.peek();
    }

    /** Every service is this server. */
    private Answer instances(String path) {
        String service = path.substring("/api/registry/services/".length(), path.length() - "/instances".length());
        Map<String, Object> instance = Map.of(
                "serviceName",
                service,
                "instanceId",
                service + "-1",
                "host",
                "127.0.0.1",
                "port",
                server.getAddress().getPort(),
                "scheme",
                "http",
                "hostRole",
                "control",
                "metadata",
                Map.of(),
                "status",
                "UP");
        return new Answer(200, "application/json", JSON.writeValueAsString(List.of(instance)));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
