package dev.llmfleet.errorbus.live;

import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.errorbus.ErrorBusProperties;
import dev.llmfleet.errorbus.event.EventFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans newly stored events out to live subscribers over Server-Sent Events.
 *
 * <p>Each subscriber has its own bounded queue and sender thread, so a slow client never holds up
 * storing; when its queue is full its newest events are dropped and counted in
 * {@code fleet.errorbus.live.dropped}. Only events this instance stored are fanned out.
 */
@Service
public class LiveEvents {

    private final ErrorBusProperties.Live settings;
    private final Set<LiveSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Counter dropped;

    LiveEvents(ErrorBusProperties properties, MeterRegistry meters) {
        this.settings = properties.live();
        this.dropped = Counter.builder("fleet.errorbus.live.dropped")
                .description("Events a slow live subscriber missed")
                .register(meters);
        Gauge.builder("fleet.errorbus.live.subscribers", subscribers, Set::size)
                .description("Live subscriptions open")
                .register(meters);
    }

    /** Opens a subscription; its first message is a comment, so the client knows it is listening. */
    public SseEmitter subscribe(EventFilter filter) {
        if (subscribers.size() >= settings.maxSubscribers()) {
            throw TooManySubscribersException.limit(settings.maxSubscribers());
        }
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        LiveSubscriber subscriber = new LiveSubscriber(filter, emitter, settings, subscribers::remove);
        subscribers.add(subscriber);
        subscriber.start();
        return emitter;
    }

    /** Hands stored events to every subscriber whose filter they match; never blocks. */
    public void publish(List<FleetEvent> events) {
        for (LiveSubscriber subscriber : subscribers) {
            for (FleetEvent event : events) {
                if (subscriber.wants(event) && !subscriber.offer(event)) {
                    dropped.increment();
                }
            }
        }
    }

    public int subscriberCount() {
        return subscribers.size();
    }
}
