-- Messages that could not be stored, with the reason; nothing is dropped silently.
CREATE TABLE dead_letter (
    id         BIGSERIAL    PRIMARY KEY,
    message_id VARCHAR(200) NOT NULL,
    subject    VARCHAR(400),
    reason     TEXT         NOT NULL,
    payload    TEXT,
    deliveries INTEGER      NOT NULL,
    dead_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT dead_letter_message_id_key UNIQUE (message_id)
);

CREATE INDEX dead_letter_dead_at_idx ON dead_letter (dead_at);
