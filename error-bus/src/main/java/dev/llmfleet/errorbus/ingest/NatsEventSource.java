package dev.llmfleet.errorbus.ingest;

import dev.llmfleet.errorbus.ErrorBusProperties;
import dev.llmfleet.starter.errors.NatsBus;
import dev.llmfleet.starter.supervision.LoopSupervisor;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.IterableConsumer;
import io.nats.client.Message;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.impl.Headers;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Consumes the JetStream stream with a durable pull consumer with explicit acknowledgements: a
 * message is acknowledged only after its event is stored (or dead-lettered), so an error-bus that
 * stops mid-batch gets the unacknowledged messages again after {@code ackWait}, and stores them
 * once.
 *
 * <p>Redelivery is counted here, not by the server (no {@code maxDeliver}), so that a message that
 * keeps failing is dead-lettered rather than left behind.
 */
@Component
@ConditionalOnProperty(name = "fleet.errorbus.nats.url")
class NatsEventSource extends ConsumerLoop {

    private static final Log log = LogFactory.getLog(NatsEventSource.class);
    private static final String MESSAGE_ID = "Nats-Msg-Id";

    private final NatsBus bus;
    private final EventIngestor ingestor;
    private final ErrorBusProperties.Consumer settings;
    private volatile IterableConsumer consumer;

    NatsEventSource(NatsBus bus, EventIngestor ingestor, ErrorBusProperties properties, LoopSupervisor supervisor) {
        super("errorbus-nats-consumer", supervisor);
        this.bus = bus;
        this.ingestor = ingestor;
        this.settings = properties.consumer();
    }

    @Override
    protected boolean poll() throws Exception {
        List<Message> messages = take(consumer());
        if (messages.isEmpty()) {
            return false;
        }
        List<InboundMessage> inbound = new ArrayList<>(messages.size());
        for (Message message : messages) {
            inbound.add(inbound(message));
        }
        List<Outcome> outcomes = ingestor.ingest(inbound);
        for (int i = 0; i < messages.size(); i++) {
            if (outcomes.get(i) == Outcome.DONE) {
                messages.get(i).ack();
            } else {
                messages.get(i).nakWithDelay(settings.redeliveryDelay());
            }
        }
        return messages.size() == settings.batchSize();
    }

    /** Waits up to {@code fetchWait} for a first message, then takes what is already there, up to a batch. */
    private List<Message> take(IterableConsumer consumer) throws Exception {
        Message first = consumer.nextMessage(settings.fetchWait());
        if (first == null) {
            return List.of();
        }
        List<Message> batch = new ArrayList<>(settings.batchSize());
        batch.add(first);
        Message next;
        while (batch.size() < settings.batchSize() && (next = consumer.nextMessage(1)) != null) {
            batch.add(next);
        }
        return batch;
    }

    private IterableConsumer consumer() throws Exception {
        if (consumer == null || consumer.isStopped() || consumer.isFinished()) {
            ConsumerConfiguration configuration = ConsumerConfiguration.builder()
                    .durable(settings.durableName())
                    .ackPolicy(AckPolicy.Explicit)
                    .ackWait(settings.ackWait())
                    .deliverPolicy(DeliverPolicy.All)
                    .filterSubject(bus.subjects().allEvents())
                    .maxAckPending(settings.batchSize() * 20L)
                    .build();
            ConsumerContext context =
                    bus.connection().getStreamContext(bus.streamName()).createOrUpdateConsumer(configuration);
            consumer = context.iterate(
                    ConsumeOptions.builder().batchSize(settings.batchSize() * 2).build());
            log.info("Consuming %s of stream %s as durable consumer %s"
                    .formatted(bus.subjects().allEvents(), bus.streamName(), settings.durableName()));
        }
        return consumer;
    }

    @Override
    protected void onFailure(Exception e) {
        closeConsumer();
    }

    @Override
    public void stop() {
        super.stop();
        closeConsumer();
    }

    private void closeConsumer() {
        IterableConsumer current = consumer;
        consumer = null;
        if (current != null) {
            try {
                current.close();
            } catch (Exception ignored) {
                // the connection may be gone already; the server forgets the pull on its own
            }
        }
    }

    private static InboundMessage inbound(Message message) {
        Headers headers = message.getHeaders();
        String id = headers == null ? null : headers.getFirst(MESSAGE_ID);
        var meta = message.metaData();
        if (id == null || id.isBlank()) {
            id = "seq-" + meta.streamSequence();
        }
        return new InboundMessage(id, message.getSubject(), message.getData(), (int) meta.deliveredCount());
    }
}
