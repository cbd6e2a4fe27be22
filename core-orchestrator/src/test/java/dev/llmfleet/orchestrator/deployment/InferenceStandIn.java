package dev.llmfleet.orchestrator.deployment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.llmfleet.api.registry.RegisterInstanceRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server that answers like an inference host: {@code /models/info},
 * {@code /models/reload}, {@code /ready} and {@code /v1/chat/completions}. It can be stopped (the
 * host goes down) and started again on the same address and port.
 */
public final class InferenceStandIn implements AutoCloseable {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final String address;
    private int port;
    private final List<String> reloads = new CopyOnWriteArrayList<>();
    private volatile String version;
    private volatile boolean silent;
    private volatile boolean choiceless;
    private HttpServer server;

    private InferenceStandIn(String address, String version) {
        this.address = address;
        this.version = version;
    }

    /** Listens on {@code address} (a loopback address of its own, so that it is a host of its own). */
    public static InferenceStandIn serving(String address, String version) {
        InferenceStandIn standIn = new InferenceStandIn(address, version);
        standIn.listen(0);
        standIn.port = standIn.server.getAddress().getPort();
        return standIn;
    }

    public RegisterInstanceRequest registration() {
        return new RegisterInstanceRequest(
                InferenceHost.SERVICE, instanceId(), address, port, "http", "inference", Map.of());
    }

    public String instanceId() {
        return InferenceHost.SERVICE + "@" + address + ":" + port;
    }

    public String host() {
        return address;
    }

    /** The versions it was asked to load, in order. */
    public List<String> reloads() {
        return List.copyOf(reloads);
    }

    public String version() {
        return version;
    }

    /** Someone loaded another version on it, behind the orchestrator's back. */
    public void serve(String other) {
        version = other;
    }

    /** Answers the smoke generation with no text: the model ends its turn at once. */
    public void answerSilently() {
        silent = true;
    }

    /** Answers the smoke generation with no choice at all, as a broken host would. */
    public void answerWithoutAChoice() {
        choiceless = true;
    }

    /** The host goes down: nothing listens any more. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** The host comes back on the same address and port, serving {@code served}. */
    public void restart(String served) {
        version = served;
        listen(port);
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(address, onPort), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/models/info", this::info);
        server.createContext("/models/reload", this::reload);
        server.createContext("/ready", this::ready);
        server.createContext("/v1/chat/completions", this::chat);
        server.start();
    }

    private void info(HttpExchange exchange) throws IOException {
        String served = version;
        if (served == null) {
            send(exchange, 503, Map.of("code", "model-not-loaded", "status", 503));
        } else {
            send(exchange, 200, model(served));
        }
    }

    private void reload(HttpExchange exchange) throws IOException {
        JsonNode request = json.readTree(exchange.getRequestBody().readAllBytes());
        String wanted = request.path("version").asString();
        reloads.add(wanted);
        String previous = version;
        version = wanted;
        send(
                exchange,
                200,
                Map.of(
                        "previous",
                        previous == null ? Map.of() : model(previous),
                        "current",
                        model(wanted),
                        "tookMillis",
                        3));
    }

    private void ready(HttpExchange exchange) throws IOException {
        boolean loaded = version != null;
        send(exchange, loaded ? 200 : 503, Map.of("status", loaded ? "UP" : "DOWN", "reason", "stand-in"));
    }

    private void chat(HttpExchange exchange) throws IOException {
        JsonNode request = json.readTree(exchange.getRequestBody().readAllBytes());
        if (!"fleet-model".equals(request.path("model").asString(""))
                || request.path("messages").path(0).path("content").asString("").isBlank()) {
            send(exchange, 400, Map.of("error", Map.of("message", "bad request")));
            return;
        }
        Map<String, Object> message = Map.of("role", "assistant", "content", silent ? "" : "Hello!");
        send(
                exchange,
                200,
                Map.of(
                        "id",
                        "chatcmpl-1",
                        "object",
                        "chat.completion",
                        "model",
                        "fleet-model",
                        "system_fingerprint",
                        version,
                        "choices",
                        choiceless
                                ? List.of()
                                : List.of(Map.of("index", 0, "message", message, "finish_reason", "stop"))));
    }

    private static Map<String, Object> model(String version) {
        return Map.of(
                "name",
                "fleet-model",
                "version",
                version,
                "checksum",
                "0".repeat(64),
                "source",
                "stand-in",
                "loadedAt",
                "2026-01-01T00:00:00Z",
                "parameters",
                1000,
                "memoryBytes",
                4000,
                "device",
                "cpu()",
                "contextLength",
                256,
                "vocabSize",
                100);
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
