package dev.llmfleet.starter.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.starter.errors.ErrorBusReporterProperties;
import dev.llmfleet.starter.errors.ErrorReporter;
import dev.llmfleet.starter.errors.EventCodec;
import dev.llmfleet.starter.errors.EventDispatcher;
import dev.llmfleet.starter.errors.EventSpool;
import dev.llmfleet.starter.errors.EventTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

class LoopSupervisorTest {

    private static final SupervisedLoop.Backoff QUICK =
            new SupervisedLoop.Backoff(Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofMinutes(5));

    @TempDir
    Path spool;

    private final List<FleetEvent> published = new CopyOnWriteArrayList<>();
    private EventDispatcher dispatcher;

    @AfterEach
    void closeDispatcher() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    private ErrorReporter reporter() {
        EventTransport transport = new EventTransport() {
            @Override
            public void publish(List<FleetEvent> events) {
                published.addAll(events);
            }

            @Override
            public String name() {
                return "memory";
            }

            @Override
            public void close() {}
        };
        ErrorBusReporterProperties.Reporter settings = new ErrorBusReporterProperties.Reporter(
                true, 1000, 100, spool, 1 << 20, Duration.ofMillis(20), Duration.ofMillis(100));
        EventCodec codec = new EventCodec();
        dispatcher = new EventDispatcher(
                transport, EventSpool.open(spool, 1 << 20, codec), settings, new SimpleMeterRegistry(), "test");
        dispatcher.start();
        return new ErrorReporter("trainer-service", () -> "trainer@test", dispatcher, Clock.systemUTC());
    }

    @Test
    void aLoopThatDiesOfAnErrorIsReportedShownDownAndStartedAgain() throws Exception {
        ErrorReporter errors = reporter();
        SupervisedLoop.Backoff slow =
                new SupervisedLoop.Backoff(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofMinutes(5));
        LoopSupervisor supervisor = new LoopSupervisor(() -> errors, slow, Clock.systemUTC());
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch crashed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SupervisedLoop loop = supervisor.start("trainer-worker", body -> {
            if (passes.incrementAndGet() == 1) {
                crashed.countDown();
                throw new UnsatisfiedLinkError("'void ai.djl.pytorch.jni.PyTorchLibrary.torchSetGradMode(boolean)'");
            }
            while (!body.stopping()) {
                release.await(50, TimeUnit.MILLISECONDS);
            }
        });
        try {
            assertThat(crashed.await(5, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(2))
                    .until(() -> supervisor.health().getStatus().equals(Status.DOWN));
            assertThat(supervisor.down()).containsExactly("trainer-worker");
            assertThat(supervisor.statuses().getFirst().lastFailure()).contains("torchSetGradMode");

            await().atMost(Duration.ofSeconds(5))
                    .until(() ->
                            passes.get() == 2 && supervisor.health().getStatus().equals(Status.UP));
            assertThat(supervisor.statuses().getFirst().crashes()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> !published.isEmpty());
            assertThat(published.getFirst().code()).isEqualTo(LoopSupervisor.CRASH_CODE);
            assertThat(published.getFirst().severity()).isEqualTo(Severity.ERROR);
            assertThat(published.getFirst().message()).contains("trainer-worker", "UnsatisfiedLinkError");
        } finally {
            loop.stop();
            assertThat(loop.join(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(supervisor.health().getStatus()).isEqualTo(Status.UP);
        assertThat(loop.status().state()).isEqualTo(SupervisedLoop.State.STOPPED);
    }

    @Test
    void aLoopThatKeepsDyingWaitsLongerEachTimeUpToTheCeiling() throws Exception {
        LoopSupervisor supervisor = new LoopSupervisor(() -> null, QUICK, Clock.systemUTC());
        List<Long> starts = new CopyOnWriteArrayList<>();
        SupervisedLoop loop = supervisor.start("flaky", body -> {
            starts.add(System.nanoTime());
            throw new IllegalStateException("always");
        });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> starts.size() >= 4);
        } finally {
            loop.stop();
            loop.join(Duration.ofSeconds(5));
        }
        long first = starts.get(1) - starts.get(0);
        long second = starts.get(2) - starts.get(1);
        long third = starts.get(3) - starts.get(2);
        assertThat(Duration.ofNanos(first)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(second)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(Duration.ofNanos(third)).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void aLoopThatReturnsWhileTheServiceRunsCountsAsACrash() throws Exception {
        LoopSupervisor supervisor = new LoopSupervisor(() -> null, QUICK, Clock.systemUTC());
        AtomicInteger passes = new AtomicInteger();
        SupervisedLoop loop = supervisor.start("quitter", body -> passes.incrementAndGet());
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> passes.get() >= 2);
            assertThat(loop.status().lastFailure()).contains("returned");
        } finally {
            loop.stop();
            loop.join(Duration.ofSeconds(5));
        }
    }
}
