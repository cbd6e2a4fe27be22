-- Every stored event, once per message id (a re-published or redelivered event is ignored).
CREATE TABLE event (
    id          BIGSERIAL    PRIMARY KEY,
    message_id  VARCHAR(200) NOT NULL,
    service     VARCHAR(100) NOT NULL,
    instance    VARCHAR(200),
    severity    VARCHAR(10)  NOT NULL,
    code        VARCHAR(200) NOT NULL,
    message     TEXT,
    causes      TEXT         NOT NULL DEFAULT '[]',
    trace_id    VARCHAR(200),
    client_id   VARCHAR(200),
    occurred_at TIMESTAMPTZ  NOT NULL,
    stored_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT event_message_id_key UNIQUE (message_id)
);

CREATE INDEX event_occurred_at_idx ON event (occurred_at);
CREATE INDEX event_service_occurred_at_idx ON event (service, occurred_at);
CREATE INDEX event_code_occurred_at_idx ON event (code, occurred_at);
CREATE INDEX event_client_occurred_at_idx ON event (client_id, occurred_at) WHERE client_id IS NOT NULL;
