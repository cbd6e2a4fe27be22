package dev.llmfleet.errorbus.event;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmfleet.errorbus.ErrorBusProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The query limits are checked before the database is asked anything. */
class EventServiceLimitsTest {

    private final ErrorBusProperties properties = new ErrorBusProperties(
            new ErrorBusProperties.Consumer(
                    "d",
                    500,
                    Duration.ofMillis(500),
                    Duration.ofMillis(50),
                    Duration.ofSeconds(30),
                    5,
                    Duration.ofSeconds(2)),
            new ErrorBusProperties.Retention(Duration.ofDays(30), Duration.ofHours(1), 5000),
            new ErrorBusProperties.Live(200, 1000, Duration.ofSeconds(15), Duration.ofMinutes(30)),
            new ErrorBusProperties.Query(500, 100));
    private final EventService service = new EventService(null, null, properties, Clock.systemUTC());
    private final Instant from = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void refusesAPageLargerThanTheLimit() {
        assertThatThrownBy(() -> service.query(EventFilter.all(), 0, 501))
                .isInstanceOf(InvalidEventQueryException.class);
    }

    @Test
    void refusesALogReadLargerThanTheLimitOrBeforeTheStart() {
        assertThatThrownBy(() -> service.log(0, 501)).isInstanceOf(InvalidEventQueryException.class);
        assertThatThrownBy(() -> service.log(-1, 10)).isInstanceOf(InvalidEventQueryException.class);
    }

    @Test
    void refusesMoreBucketsThanTheLimit() {
        EventFilter day = new EventFilter(null, null, null, null, false, from, from.plus(Duration.ofDays(1)));

        assertThatThrownBy(() -> service.counts(day, "PT1M"))
                .isInstanceOf(InvalidEventQueryException.class)
                .hasMessageContaining("buckets");
    }

    @Test
    void refusesABucketThatIsNotADuration() {
        EventFilter hour = new EventFilter(null, null, null, null, false, from, from.plus(Duration.ofHours(1)));

        assertThatThrownBy(() -> service.counts(hour, "minutely"))
                .isInstanceOf(InvalidEventQueryException.class)
                .hasMessageContaining("ISO-8601");
    }
}
