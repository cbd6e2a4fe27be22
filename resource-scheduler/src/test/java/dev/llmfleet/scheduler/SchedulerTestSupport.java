package dev.llmfleet.scheduler;

import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/** A hand-moved clock for the scheduler's Spring tests, and a way to empty its tables. */
@TestConfiguration(proxyBeanMethods = false)
public class SchedulerTestSupport {

    public static final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));

    @Bean
    @Primary
    Clock testClock() {
        return clock;
    }

    /**
     * Empties the scheduler's tables. The service's own background work (device reports, the lease
     * sweeper) may write at the same moment, and PostgreSQL then picks the TRUNCATE as a deadlock
     * victim; it is simply tried again.
     */
    public static void emptyTables(JdbcTemplate jdbc) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.execute("TRUNCATE job_history, job, device, vram_observation");
                return;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
