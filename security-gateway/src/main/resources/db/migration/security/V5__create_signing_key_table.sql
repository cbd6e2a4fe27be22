-- Token-signing keys: published from created_at, signing from signs_from until retired_at,
-- verifiable until remove_after (when every token they signed has expired).
CREATE TABLE signing_key (
    kid           VARCHAR(64)  PRIMARY KEY,
    algorithm     VARCHAR(10)  NOT NULL,
    public_key    BYTEA        NOT NULL,
    private_key   BYTEA        NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    signs_from    TIMESTAMPTZ  NOT NULL,
    retired_at    TIMESTAMPTZ,
    remove_after  TIMESTAMPTZ,
    version       BIGINT       NOT NULL
);
