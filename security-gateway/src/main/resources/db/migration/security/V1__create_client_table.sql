-- Every identity that gets tokens: people (through the CLI), scripts and services.
CREATE TABLE client (
    client_id          VARCHAR(100) PRIMARY KEY,
    secret_hash        VARCHAR(200) NOT NULL,
    scopes             VARCHAR(500) NOT NULL,
    enabled            BOOLEAN      NOT NULL,
    trust_score        INTEGER      NOT NULL CHECK (trust_score BETWEEN 0 AND 100),
    created_at         TIMESTAMPTZ  NOT NULL,
    secret_rotated_at  TIMESTAMPTZ  NOT NULL,
    version            BIGINT       NOT NULL
);
