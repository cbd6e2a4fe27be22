CREATE TABLE dataset (
    sha256           VARCHAR(64)  PRIMARY KEY,
    name             VARCHAR(255) NOT NULL,
    spec             VARCHAR(100) NOT NULL,
    skill            VARCHAR(100),
    priority         VARCHAR(10)  NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    line_count       BIGINT       NOT NULL,
    example_count    BIGINT       NOT NULL,
    token_count      BIGINT       NOT NULL,
    source           VARCHAR(50)  NOT NULL,
    report           TEXT         NOT NULL,
    job_id           UUID,
    required_vram_mb BIGINT,
    last_reason      VARCHAR(1000),
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT       NOT NULL
);

CREATE INDEX dataset_status_idx ON dataset (status);
CREATE UNIQUE INDEX dataset_job_idx ON dataset (job_id);
