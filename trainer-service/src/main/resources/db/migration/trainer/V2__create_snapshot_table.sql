CREATE TABLE evolution_snapshot (
    id              BIGSERIAL    PRIMARY KEY,
    dataset_sha256  VARCHAR(64)  NOT NULL REFERENCES dataset (sha256),
    step            BIGINT       NOT NULL,
    job_id          UUID,
    training_loss   DOUBLE PRECISION,
    validation_loss DOUBLE PRECISION,
    correct         INT          NOT NULL,
    total           INT          NOT NULL,
    answers         TEXT         NOT NULL,
    taken_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT evolution_snapshot_step_uq UNIQUE (dataset_sha256, step)
);
