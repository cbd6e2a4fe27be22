-- The bus without NATS: every service's reporter appends here (fleet-starter's
-- PostgresEventTransport), the error-bus leases rows like a JetStream pull consumer and deletes
-- them once stored or dead-lettered.
CREATE TABLE event_inbox (
    seq          BIGSERIAL    PRIMARY KEY,
    message_id   VARCHAR(200) NOT NULL,
    stream       VARCHAR(100) NOT NULL,
    subject      VARCHAR(400) NOT NULL,
    payload      TEXT         NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    deliveries   INTEGER      NOT NULL DEFAULT 0,
    leased_until TIMESTAMPTZ,
    CONSTRAINT event_inbox_message_id_key UNIQUE (message_id)
);

CREATE INDEX event_inbox_stream_seq_idx ON event_inbox (stream, seq);
