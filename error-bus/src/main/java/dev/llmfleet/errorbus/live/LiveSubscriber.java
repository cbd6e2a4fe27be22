package dev.llmfleet.errorbus.live;

import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.errorbus.ErrorBusProperties;
import dev.llmfleet.errorbus.event.EventFilter;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** One live subscription: its filter, its queue, and the virtual thread that sends to it. */
class LiveSubscriber {

    static final String EVENT_NAME = "fleet-event";

    private final EventFilter filter;
    private final SseEmitter emitter;
    private final ErrorBusProperties.Live settings;
    private final Consumer<LiveSubscriber> onEnd;
    private final BlockingQueue<FleetEvent> queue;
    private volatile boolean open = true;
    private Thread sender;

    LiveSubscriber(
            EventFilter filter, SseEmitter emitter, ErrorBusProperties.Live settings, Consumer<LiveSubscriber> onEnd) {
        this.filter = filter;
        this.emitter = emitter;
        this.settings = settings;
        this.onEnd = onEnd;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        emitter.onCompletion(this::end);
        emitter.onTimeout(this::end);
        emitter.onError(e -> end());
    }

    void start() {
        sender = Thread.ofVirtual().name("errorbus-live").start(this::pump);
    }

    boolean wants(FleetEvent event) {
        return open && filter.matches(event);
    }

    boolean offer(FleetEvent event) {
        return queue.offer(event);
    }

    private void pump() {
        try {
            emitter.send(SseEmitter.event().comment("subscribed"));
            while (open) {
                FleetEvent event = queue.poll(settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } else {
                    emitter.send(
                            SseEmitter.event().name(EVENT_NAME).id(event.id()).data(event, MediaType.APPLICATION_JSON));
                }
            }
        } catch (IOException | IllegalStateException e) {
            closeQuietly(() -> emitter.completeWithError(e));
        } catch (InterruptedException e) {
            closeQuietly(emitter::complete);
        } finally {
            end();
        }
    }

    /**
     * Ends the response; when the client has already gone (the servlet container completed the
     * request first) there is nothing left to end, and the container's complaint is dropped.
     */
    private static void closeQuietly(Runnable close) {
        try {
            close.run();
        } catch (IllegalStateException alreadyCompleted) {
            // the request finished before the stream did: the subscriber is gone either way
        }
    }

    private void end() {
        open = false;
        onEnd.accept(this);
        Thread current = sender;
        if (current != null && current != Thread.currentThread()) {
            current.interrupt();
        }
    }
}
