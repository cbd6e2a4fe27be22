-- Training runs the run monitor watches, and what became of them.
CREATE TABLE monitored_run (
    run_id            VARCHAR(100)     PRIMARY KEY,
    dataset           VARCHAR(200),
    state             VARCHAR(10)      NOT NULL,
    step              BIGINT           NOT NULL,
    total_steps       BIGINT           NOT NULL,
    train_loss        DOUBLE PRECISION,
    validation_loss   DOUBLE PRECISION,
    tokens_per_second DOUBLE PRECISION,
    run_directory     VARCHAR(1000),
    started_at        TIMESTAMPTZ      NOT NULL,
    last_report_at    TIMESTAMPTZ      NOT NULL,
    last_progress_at  TIMESTAMPTZ      NOT NULL,
    stalled_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    archive_path      VARCHAR(1000),
    archive_sha256    VARCHAR(64),
    report_path       VARCHAR(1000),
    archived_at       TIMESTAMPTZ,
    version           BIGINT           NOT NULL DEFAULT 0
);

CREATE INDEX monitored_run_state_idx ON monitored_run (state);

-- The curves: one point per reported step.
CREATE TABLE run_point (
    run_id            VARCHAR(100)     NOT NULL REFERENCES monitored_run (run_id) ON DELETE CASCADE,
    step              BIGINT           NOT NULL,
    train_loss        DOUBLE PRECISION,
    validation_loss   DOUBLE PRECISION,
    tokens_per_second DOUBLE PRECISION,
    reported_at       TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (run_id, step)
);
