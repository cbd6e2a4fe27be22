CREATE TABLE checkpoint_pin (
    id          BIGSERIAL    PRIMARY KEY,
    checkpoint  TEXT         NOT NULL,
    kind        VARCHAR(20)  NOT NULL CHECK (kind IN ('DEPLOYMENT', 'RUNNING_JOB', 'PAUSED_JOB')),
    holder      VARCHAR(200) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    UNIQUE (checkpoint, kind, holder)
);
