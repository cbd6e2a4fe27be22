package dev.llmfleet.starter.errors;

import dev.llmfleet.api.errorbus.FleetEvent;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes to the JetStream stream, each event with its id as the JetStream message id (so a
 * retried publish is stored once), all of a batch in flight together, then waits for every
 * acknowledgement.
 */
public class NatsEventTransport implements EventTransport {

    /** Header with the client an event is held against, so that consumers can filter without parsing. */
    public static final String CLIENT_HEADER = "Fleet-Client-Id";

    private final NatsBus bus;
    private final EventCodec codec;

    public NatsEventTransport(NatsBus bus, EventCodec codec) {
        this.bus = bus;
        this.codec = codec;
    }

    @Override
    public void publish(List<FleetEvent> events) {
        JetStream jetStream = bus.jetStream();
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>(events.size());
        try {
            for (FleetEvent event : events) {
                Headers headers = new Headers();
                if (event.concernsClient()) {
                    headers.add(CLIENT_HEADER, event.clientId());
                }
                PublishOptions options = PublishOptions.builder()
                        .messageId(event.id())
                        .expectedStream(bus.streamName())
                        .build();
                acks.add(jetStream.publishAsync(bus.subjects().of(event), headers, codec.encode(event), options));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(bus.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw BusUnavailableException.because(name(), e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw BusUnavailableException.because(name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BusUnavailableException.because(name(), e);
        }
    }

    @Override
    public String name() {
        return "nats";
    }
}
