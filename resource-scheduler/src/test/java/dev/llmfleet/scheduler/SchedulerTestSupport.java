package dev.llmfleet.scheduler;

import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
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

    public static void emptyTables(JdbcTemplate jdbc) {
        jdbc.execute("TRUNCATE job_history, job, device, vram_observation");
    }
}
