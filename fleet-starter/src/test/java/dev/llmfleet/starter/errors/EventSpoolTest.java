package dev.llmfleet.starter.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventSpoolTest {

    private final EventCodec codec = new EventCodec();

    @TempDir
    Path dir;

    @Test
    void deliversSpooledBatchesOldestFirstAndAcrossARestart() {
        FleetEvent first = event("first");
        FleetEvent second = event("second");
        try (EventSpool spool = EventSpool.open(dir, 1 << 20, codec)) {
            assertThat(spool.append(List.of(first))).isTrue();
            assertThat(spool.append(List.of(second))).isTrue();
        }

        try (EventSpool reopened = EventSpool.open(dir, 1 << 20, codec)) {
            assertThat(reopened.events()).isEqualTo(2);
            assertThat(reopened.peek()).containsExactly(first);
            reopened.removeHead();
            assertThat(reopened.peek()).containsExactly(second);
            reopened.removeHead();
            assertThat(reopened.isEmpty()).isTrue();
        }
    }

    @Test
    void refusesABatchThatWouldExceedItsSize() {
        try (EventSpool spool = EventSpool.open(dir, 2048, codec)) {
            List<FleetEvent> large = java.util.stream.IntStream.range(0, 20)
                    .mapToObj(i -> event("event-" + i))
                    .toList();

            assertThat(spool.append(large)).isFalse();
            assertThat(spool.append(List.of(event("small")))).isTrue();
            assertThat(spool.events()).isEqualTo(1);
        }
    }

    @Test
    void aSecondOwnerOfTheSameFolderGetsASiblingFolder() {
        try (EventSpool owner = EventSpool.open(dir.resolve("svc"), 1 << 20, codec);
                EventSpool second = EventSpool.open(dir.resolve("svc"), 1 << 20, codec)) {
            assertThat(second.directory()).isNotEqualTo(owner.directory());
            assertThat(second.directory().getFileName()).hasToString("svc-2");
        }
    }

    private static FleetEvent event(String code) {
        return new FleetEvent(
                UUID.randomUUID().toString(),
                "svc",
                "svc@host",
                Severity.ERROR,
                code,
                "message",
                List.of(),
                null,
                null,
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
