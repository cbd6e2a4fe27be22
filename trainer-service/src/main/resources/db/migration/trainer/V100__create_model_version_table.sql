CREATE TABLE model_version (
    name               VARCHAR(16)  PRIMARY KEY,
    number             INTEGER      NOT NULL UNIQUE CHECK (number > 0),
    description        TEXT         NOT NULL DEFAULT '',
    parent             VARCHAR(16),
    source_checkpoint  TEXT         NOT NULL,
    training_mode      VARCHAR(8)   NOT NULL CHECK (training_mode IN ('full', 'lora')),
    datasets           TEXT         NOT NULL DEFAULT '[]',
    metrics            TEXT         NOT NULL DEFAULT '{}',
    evaluation         TEXT         NOT NULL DEFAULT '{}',
    manifest_sha256    VARCHAR(64)   NOT NULL,
    size_bytes         BIGINT       NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    created_by         VARCHAR(200) NOT NULL,
    deleted_at         TIMESTAMPTZ,
    row_version        BIGINT       NOT NULL DEFAULT 0
);

CREATE INDEX model_version_manifest_idx ON model_version (manifest_sha256);
