CREATE SEQUENCE job_queue_position_seq;

CREATE TABLE job (
    id                 UUID          PRIMARY KEY,
    kind               VARCHAR(20)   NOT NULL,
    priority           VARCHAR(10)   NOT NULL,
    priority_rank      SMALLINT      NOT NULL,
    queue_position     BIGINT        NOT NULL,
    state              VARCHAR(20)   NOT NULL,
    payload_ref        VARCHAR(500)  NOT NULL,
    model              VARCHAR(200),
    required_vram_mb   BIGINT        NOT NULL CHECK (required_vram_mb >= 0),
    formula_vram_mb    BIGINT,
    submitted_by       VARCHAR(200)  NOT NULL,
    host_constraint    VARCHAR(255),
    device_constraint  VARCHAR(100),
    attempts           INTEGER       NOT NULL DEFAULT 0,
    max_attempts       INTEGER       NOT NULL CHECK (max_attempts > 0),
    lease_id           UUID          UNIQUE,
    leased_host        VARCHAR(255),
    leased_device      VARCHAR(100),
    leased_at          TIMESTAMPTZ,
    lease_expires_at   TIMESTAMPTZ,
    pause_requested    BOOLEAN       NOT NULL DEFAULT FALSE,
    checkpoint_ref     VARCHAR(500),
    peak_vram_mb       BIGINT,
    last_reason        VARCHAR(1000),
    submitted_at       TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    finished_at        TIMESTAMPTZ,
    version            BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT job_lease_complete CHECK (
        (state IN ('LEASED', 'RUNNING')) = (lease_id IS NOT NULL AND leased_device IS NOT NULL))
);

-- what each device's scheduler reads: the best queued job, in priority then FIFO order
CREATE INDEX job_queued_order_idx ON job (priority_rank, queue_position) WHERE state = 'QUEUED';
-- at most one leased job per device, whatever two schedulers try
CREATE UNIQUE INDEX job_one_lease_per_device_idx ON job (leased_device) WHERE state IN ('LEASED', 'RUNNING');
CREATE INDEX job_lease_expiry_idx ON job (lease_expires_at) WHERE state IN ('LEASED', 'RUNNING');
CREATE INDEX job_leased_host_idx ON job (leased_host) WHERE state = 'LEASED';
CREATE INDEX job_state_idx ON job (state, finished_at);

CREATE TABLE job_history (
    id          BIGSERIAL     PRIMARY KEY,
    job_id      UUID          NOT NULL REFERENCES job (id),
    from_state  VARCHAR(20),
    to_state    VARCHAR(20)   NOT NULL,
    actor       VARCHAR(200)  NOT NULL,
    reason      VARCHAR(1000),
    at          TIMESTAMPTZ   NOT NULL
);

CREATE INDEX job_history_job_idx ON job_history (job_id, id);
