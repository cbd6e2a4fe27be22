package dev.llmfleet.errorbus;

import dev.llmfleet.starter.errors.ErrorBusReporterProperties;
import dev.llmfleet.starter.errors.EventCodec;
import dev.llmfleet.starter.errors.EventTransport;
import dev.llmfleet.starter.errors.NatsBus;
import dev.llmfleet.starter.errors.NatsEventTransport;
import io.nats.client.impl.Headers;
import java.net.URI;
import java.util.List;

/** The acceptance behaviour on NATS JetStream (the server on the machine, a stream of this test's own). */
class NatsBusAcceptanceTest extends BusAcceptanceTest {

    private static final String NATS = "nats://127.0.0.1:4222";

    @Override
    protected List<String> busArguments() {
        return List.of("--fleet.errorbus.nats.url=" + NATS);
    }

    @Override
    protected void publishRaw(String messageId, byte[] payload) throws Exception {
        NatsBus bus = errorBus.getBean(NatsBus.class);
        bus.jetStream()
                .publish(
                        bus.subjects().forService("hostile", dev.llmfleet.api.errorbus.Severity.ERROR),
                        new Headers().add("Nats-Msg-Id", messageId),
                        payload);
    }

    @Override
    protected EventTransport transportThrough(TcpProxy proxy) {
        ErrorBusReporterProperties shared = errorBus.getBean(ErrorBusReporterProperties.class);
        ErrorBusReporterProperties properties = new ErrorBusReporterProperties(
                shared.stream(),
                shared.subjectPrefix(),
                new ErrorBusReporterProperties.Nats(
                        URI.create("nats://127.0.0.1:" + proxy.port()),
                        shared.nats().duplicateWindow(),
                        shared.nats().maxAge(),
                        java.time.Duration.ofSeconds(2),
                        java.time.Duration.ofSeconds(1)),
                shared.reporter());
        NatsBus cutOff = new NatsBus(properties, "cut-off-service");
        return new NatsEventTransport(cutOff, new EventCodec()) {
            @Override
            public void close() {
                cutOff.close();
            }
        };
    }

    @Override
    protected String transportName() {
        return "nats";
    }

    @Override
    protected int busPort() {
        return URI.create(NATS).getPort();
    }
}
