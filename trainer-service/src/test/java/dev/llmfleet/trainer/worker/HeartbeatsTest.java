package dev.llmfleet.trainer.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.LeaseAction;
import dev.llmfleet.api.scheduler.LeaseHeartbeatResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * Fencing: a run whose heartbeats the scheduler has not accepted for as long as a lease lives
 * (three intervals; 300 ms here, on a hand-moved clock) stops, since its job may be someone else's.
 */
class HeartbeatsTest {

    static final long INTERVAL_MS = 100;

    final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    final AtomicLong nanos = new AtomicLong();
    final AtomicInteger beats = new AtomicInteger();
    final AtomicBoolean stopped = new AtomicBoolean();
    final Lease lease = ScriptedScheduler.lease(INTERVAL_MS);
    volatile RuntimeException failure;

    @AfterEach
    void stopBeating() {
        executor.shutdownNow();
    }

    @Test
    void aRunWhoseHeartbeatsAreRefusedForTheLeasesLifetimeStopsAsAbandoned() {
        failure = HttpClientErrorException.create(HttpStatus.FORBIDDEN, "Forbidden", HttpHeaders.EMPTY, null, null);
        try (Heartbeats heartbeats = start()) {
            awaitMoreBeats(3);
            assertThat(heartbeats.action()).isEqualTo(LeaseAction.CONTINUE);
            assertThat(stopped).isFalse();

            nanos.set(millis(3 * INTERVAL_MS));

            await().atMost(Duration.ofSeconds(10)).untilTrue(stopped);
            assertThat(heartbeats.action()).isEqualTo(LeaseAction.ABANDON);
            assertThat(heartbeats.fenced()).isTrue();
        }
    }

    @Test
    void anAcceptedHeartbeatKeepsTheRunGoingThroughLaterOutagesShorterThanTheLease() {
        try (Heartbeats heartbeats = start()) {
            nanos.set(millis(250));
            awaitMoreBeats(2); // accepted at 250 ms
            failure = new ResourceAccessException("scheduler unreachable");
            awaitMoreBeats(2); // none accepted from here on

            nanos.set(millis(500));
            awaitMoreBeats(2);
            assertThat(heartbeats.action()).isEqualTo(LeaseAction.CONTINUE);
            assertThat(stopped).isFalse();

            nanos.set(millis(550));
            await().atMost(Duration.ofSeconds(10)).untilTrue(stopped);
            assertThat(heartbeats.action()).isEqualTo(LeaseAction.ABANDON);
            assertThat(heartbeats.fenced()).isTrue();
        }
    }

    @Test
    void aRunTheSchedulerAbandonsStopsAtOnceAndIsNotCalledFenced() {
        Heartbeats heartbeats = Heartbeats.start(
                executor,
                ScriptedScheduler.answering(Map.of(
                        "heartbeat",
                        args -> new LeaseHeartbeatResponse(lease.leaseId(), null, LeaseAction.ABANDON, null))),
                lease,
                () -> stopped.set(true),
                nanos::get);
        heartbeats.close();

        assertThat(stopped).isTrue();
        assertThat(heartbeats.action()).isEqualTo(LeaseAction.ABANDON);
        assertThat(heartbeats.fenced()).isFalse();
    }

    private Heartbeats start() {
        return Heartbeats.start(
                executor,
                ScriptedScheduler.answering(Map.of("heartbeat", args -> {
                    beats.incrementAndGet();
                    RuntimeException fail = failure;
                    if (fail != null) {
                        throw fail;
                    }
                    return new LeaseHeartbeatResponse(
                            lease.leaseId(),
                            lease.jobId(),
                            LeaseAction.CONTINUE,
                            Instant.now().plusSeconds(1));
                })),
                lease,
                () -> stopped.set(true),
                nanos::get);
    }

    /** Waits for {@code count} more beats; the beats run one at a time, so all but the last are fully handled. */
    private void awaitMoreBeats(int count) {
        int target = beats.get() + count;
        await().atMost(Duration.ofSeconds(10)).until(() -> beats.get() >= target);
    }

    private static long millis(long ms) {
        return TimeUnit.MILLISECONDS.toNanos(ms);
    }
}
