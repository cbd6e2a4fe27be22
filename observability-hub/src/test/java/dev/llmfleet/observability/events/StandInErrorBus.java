package dev.llmfleet.observability.events;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.SequencedEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP server standing in for the error-bus: its event log ({@code /api/errorbus/events/log})
 * and its live stream ({@code /api/errorbus/events/stream}), as the real one serves them. Sequence
 * numbers step by 3, as a real log has gaps.
 */
class StandInErrorBus implements AutoCloseable {

    private static final String END = "";

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<SequencedEvent> log = new CopyOnWriteArrayList<>();
    private final Set<BlockingQueue<String>> streams = ConcurrentHashMap.newKeySet();
    private final AtomicInteger logReads = new AtomicInteger();

    StandInErrorBus() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/errorbus/events/log", this::log);
        server.createContext("/api/errorbus/events/stream", this::stream);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stores the events, in order, and streams them to the live subscribers. */
    synchronized void publish(List<FleetEvent> events) {
        for (FleetEvent event : events) {
            long seq = log.isEmpty() ? 3 : log.getLast().seq() + 3;
            log.add(new SequencedEvent(seq, event));
            String message =
                    "event:fleet-event\nid:%s\ndata:%s\n\n".formatted(event.id(), json.writeValueAsString(event));
            streams.forEach(stream -> stream.add(message));
        }
    }

    int logReads() {
        return logReads.get();
    }

    int liveSubscribers() {
        return streams.size();
    }

    /** Ends every live stream, as an error-bus restart would. */
    void dropStreams() {
        streams.forEach(stream -> stream.add(END));
    }

    private void log(HttpExchange exchange) throws IOException {
        logReads.incrementAndGet();
        Map<String, String> query = query(exchange.getRequestURI());
        long after = Long.parseLong(query.get("after"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "500"));
        List<SequencedEvent> page =
                log.stream().filter(e -> e.seq() > after).limit(limit).toList();
        byte[] body = json.writeValueAsBytes(page);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        streams.add(queue);
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, ":subscribed\n\n");
            for (String message = queue.take(); !message.equals(END); message = queue.take()) {
                write(out, message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // the subscriber went away
        } finally {
            streams.remove(queue);
        }
    }

    private static void write(OutputStream out, String message) throws IOException {
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Map<String, String> query(URI uri) {
        String raw = uri.getRawQuery();
        if (raw == null) {
            return Map.of();
        }
        return java.util.Arrays.stream(raw.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p.length > 1 ? p[1] : ""));
    }

    @Override
    public void close() {
        dropStreams();
        server.stop(0);
    }
}
