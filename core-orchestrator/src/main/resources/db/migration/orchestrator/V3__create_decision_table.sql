CREATE TABLE decision (
    id         BIGSERIAL PRIMARY KEY,
    kind       VARCHAR(30)  NOT NULL,
    subject    VARCHAR(200) NOT NULL,
    outcome    VARCHAR(500) NOT NULL,
    reasons    TEXT         NOT NULL,
    actor      VARCHAR(200) NOT NULL,
    decided_at TIMESTAMPTZ  NOT NULL
);

CREATE INDEX decision_kind_idx ON decision (kind, id);
CREATE INDEX decision_subject_idx ON decision (subject, id);
