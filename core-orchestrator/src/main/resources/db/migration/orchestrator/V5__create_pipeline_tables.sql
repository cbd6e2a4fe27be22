-- The closed loop: one row per training job on its way through the pipeline, the candidates its
-- checkpoints became, the evaluations that scored them, and the validation suites they were
-- scored on (versioned: a new version only when a level's questions change).

CREATE TABLE evaluation_suite (
    id         BIGSERIAL    PRIMARY KEY,
    skill      VARCHAR(50)  NOT NULL,
    level      INTEGER      NOT NULL CHECK (level >= 1),
    version    INTEGER      NOT NULL CHECK (version >= 1),
    sha256     VARCHAR(64)  NOT NULL,
    size       INTEGER      NOT NULL CHECK (size >= 1),
    items      TEXT         NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    UNIQUE (skill, level, version),
    UNIQUE (skill, level, sha256)
);

CREATE TABLE pipeline_run (
    id                     UUID          PRIMARY KEY,
    dataset                VARCHAR(500)  NOT NULL,
    dataset_name           VARCHAR(500),
    skill                  VARCHAR(50),
    level                  INTEGER,
    generated              BOOLEAN       NOT NULL,
    job_id                 UUID          UNIQUE,
    host                   VARCHAR(255),
    step                   VARCHAR(20)   NOT NULL,
    candidate_id           UUID,
    evaluation_id          UUID,
    version                VARCHAR(100),
    deployment_id          UUID,
    promoted_by            VARCHAR(200),
    promotion_reason       VARCHAR(1000),
    attempts               INTEGER       NOT NULL DEFAULT 0,
    last_error             TEXT,
    waiting_until          TIMESTAMPTZ,
    created_at             TIMESTAMPTZ   NOT NULL,
    updated_at             TIMESTAMPTZ   NOT NULL,
    row_version            BIGINT        NOT NULL DEFAULT 0
);

CREATE INDEX pipeline_run_step_idx ON pipeline_run (step, created_at);
CREATE INDEX pipeline_run_dataset_idx ON pipeline_run (dataset);
CREATE INDEX pipeline_run_created_idx ON pipeline_run (created_at DESC);

CREATE TABLE candidate (
    id                       UUID              PRIMARY KEY,
    run_id                   UUID              NOT NULL REFERENCES pipeline_run (id),
    job_id                   UUID              NOT NULL,
    checkpoint               VARCHAR(1000)     NOT NULL UNIQUE,
    host                     VARCHAR(255),
    dataset                  VARCHAR(500)      NOT NULL,
    step                     BIGINT            NOT NULL,
    train_loss               DOUBLE PRECISION,
    suites                   VARCHAR(1000),
    accuracy                 DOUBLE PRECISION  CHECK (accuracy BETWEEN 0 AND 1),
    accuracy_by_skill_level  TEXT              NOT NULL DEFAULT '{}',
    validation_loss          DOUBLE PRECISION,
    gap                      DOUBLE PRECISION,
    regression               BOOLEAN           NOT NULL DEFAULT FALSE,
    best_validation_loss     DOUBLE PRECISION,
    state                    VARCHAR(20)       NOT NULL,
    version                  VARCHAR(100),
    created_at               TIMESTAMPTZ       NOT NULL,
    updated_at               TIMESTAMPTZ       NOT NULL,
    row_version              BIGINT            NOT NULL DEFAULT 0
);

CREATE INDEX candidate_version_idx ON candidate (version);

CREATE TABLE evaluation (
    id                       UUID              PRIMARY KEY,
    candidate_id             UUID              REFERENCES candidate (id),
    purpose                  VARCHAR(20)       NOT NULL,
    checkpoint               VARCHAR(1000)     NOT NULL,
    host                     VARCHAR(255),
    suites                   VARCHAR(1000)     NOT NULL,
    state                    VARCHAR(20)       NOT NULL,
    submit_attempted         BOOLEAN           NOT NULL DEFAULT FALSE,
    job_id                   UUID              UNIQUE,
    accuracy                 DOUBLE PRECISION  CHECK (accuracy BETWEEN 0 AND 1),
    accuracy_by_skill_level  TEXT              NOT NULL DEFAULT '{}',
    validation_loss          DOUBLE PRECISION,
    train_loss               DOUBLE PRECISION,
    step                     BIGINT,
    took_millis              BIGINT,
    results                  TEXT,
    failure                  TEXT,
    created_at               TIMESTAMPTZ       NOT NULL,
    finished_at              TIMESTAMPTZ,
    row_version              BIGINT            NOT NULL DEFAULT 0
);

CREATE INDEX evaluation_checkpoint_idx ON evaluation (checkpoint, suites);
CREATE INDEX evaluation_suites_idx ON evaluation (suites, state);
