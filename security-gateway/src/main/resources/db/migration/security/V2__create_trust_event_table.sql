-- Every change of a client's trust score, with its reason.
CREATE TABLE trust_event (
    id           BIGSERIAL PRIMARY KEY,
    client_id    VARCHAR(100) NOT NULL REFERENCES client (client_id),
    at           TIMESTAMPTZ  NOT NULL,
    delta        INTEGER      NOT NULL,
    score_after  INTEGER      NOT NULL,
    reason       VARCHAR(40)  NOT NULL,
    detail       VARCHAR(500)
);
CREATE INDEX trust_event_client_at ON trust_event (client_id, at DESC);
