package dev.llmfleet.errorbus;

import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.starter.errors.EventCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Listens to a Server-Sent Events stream and keeps the fleet events it receives. */
final class SseRecorder implements AutoCloseable {

    private final HttpClient client = HttpClient.newHttpClient();
    private final EventCodec codec = new EventCodec();
    private final List<FleetEvent> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile boolean subscribed;

    private SseRecorder(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .build();
        response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> r.body().forEach(this::line));
    }

    /** Subscribes and waits until the error-bus confirmed the subscription. */
    static SseRecorder subscribe(URI uri) {
        SseRecorder recorder = new SseRecorder(uri);
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.subscribed);
        return recorder;
    }

    private void line(String line) {
        if (line.startsWith(":subscribed")) {
            subscribed = true;
        } else if (line.startsWith("data:")) {
            events.add(codec.decode(line.substring(5).trim().getBytes(StandardCharsets.UTF_8)));
        }
    }

    List<FleetEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
        client.close();
    }
}
