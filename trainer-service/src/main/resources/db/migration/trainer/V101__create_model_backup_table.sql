CREATE TABLE model_backup (
    id               VARCHAR(120) PRIMARY KEY,
    type             VARCHAR(20)  NOT NULL CHECK (type IN ('PRE_CONSOLIDATION', 'PRE_DELETION', 'EMERGENCY')),
    version_name     VARCHAR(16)  NOT NULL REFERENCES model_version (name),
    reason           TEXT         NOT NULL DEFAULT '',
    manifest_sha256  VARCHAR(64)   NOT NULL,
    size_bytes       BIGINT       NOT NULL,
    location         TEXT         NOT NULL,
    second_location  TEXT,
    created_at       TIMESTAMPTZ  NOT NULL,
    verified_at      TIMESTAMPTZ  NOT NULL,
    created_by       VARCHAR(200) NOT NULL
);

CREATE INDEX model_backup_version_idx ON model_backup (version_name, created_at DESC);
