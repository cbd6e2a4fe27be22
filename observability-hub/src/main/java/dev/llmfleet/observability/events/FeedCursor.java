package dev.llmfleet.observability.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The position of each durable feed in its source's log: the last sequence the hub took. */
@Repository
class FeedCursor {

    private final JdbcTemplate jdbc;

    FeedCursor(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the feed stands; empty when it has never taken anything (a hub's first start). */
    OptionalLong position(String feed) {
        return jdbc.query(
                "SELECT position FROM feed_cursor WHERE feed = ?",
                rs -> rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty(),
                feed);
    }

    /**
     * Moves the feed forward to {@code position}, joining the caller's transaction; never backwards
     * (two hubs on one database each take an event at most once per rule, the ledger sees to that).
     */
    void advance(String feed, long position, Instant now) {
        jdbc.update("""
                INSERT INTO feed_cursor (feed, position, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (feed) DO UPDATE SET position = EXCLUDED.position, updated_at = EXCLUDED.updated_at
                WHERE feed_cursor.position < EXCLUDED.position
                """, feed, position, Timestamp.from(now));
    }
}
