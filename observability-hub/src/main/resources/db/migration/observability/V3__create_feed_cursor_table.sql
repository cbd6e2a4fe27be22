-- How far the hub has read an event feed (the error-bus's event log), by the log's sequence. It is
-- written in the transaction that counts the events it covers, so a restarted hub resumes exactly
-- after the last event it took, neither losing nor counting one twice.
CREATE TABLE feed_cursor (
    feed       VARCHAR(100) PRIMARY KEY,
    position   BIGINT       NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);
