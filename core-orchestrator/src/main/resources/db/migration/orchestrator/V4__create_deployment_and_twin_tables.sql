CREATE TABLE deployment (
    id               UUID PRIMARY KEY,
    kind             VARCHAR(20)  NOT NULL,
    version          VARCHAR(100) NOT NULL,
    previous_version VARCHAR(100),
    state            VARCHAR(20)  NOT NULL,
    reason           VARCHAR(500),
    requested_by     VARCHAR(200) NOT NULL,
    attempts         INTEGER      NOT NULL DEFAULT 0,
    detail           TEXT,
    started_at       TIMESTAMPTZ  NOT NULL,
    finished_at      TIMESTAMPTZ,
    step_deadline    TIMESTAMPTZ,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    owner            VARCHAR(100),
    lease_until      TIMESTAMPTZ,
    row_version      BIGINT       NOT NULL DEFAULT 0
);

-- At most one deployment in progress, whatever races the requests run
CREATE UNIQUE INDEX deployment_one_in_progress_idx ON deployment ((TRUE))
    WHERE state IN ('PENDING', 'DEPLOYING', 'VERIFYING');
CREATE INDEX deployment_state_idx ON deployment (state, finished_at);
CREATE INDEX deployment_started_at_idx ON deployment (started_at);

-- The inference hosts a deployment covers, fixed when it starts
CREATE TABLE deployment_target (
    deployment_id UUID         NOT NULL REFERENCES deployment (id) ON DELETE CASCADE,
    instance_id   VARCHAR(200) NOT NULL,
    host          VARCHAR(255) NOT NULL,
    url           VARCHAR(500) NOT NULL,
    loaded        BOOLEAN      NOT NULL DEFAULT FALSE,
    verified      BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (deployment_id, instance_id)
);

-- Every service the twin has seen on every host: what the fleet expects to find again
CREATE TABLE twin_seen_service (
    host         VARCHAR(255) NOT NULL,
    service_name VARCHAR(100) NOT NULL,
    host_role    VARCHAR(50)  NOT NULL,
    first_seen   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (host, service_name)
);
