-- API keys: only a SHA-256 of the key is kept; the prefix identifies it in listings.
CREATE TABLE api_key (
    id            UUID PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    prefix        VARCHAR(20)  NOT NULL,
    key_hash      VARCHAR(64)  NOT NULL UNIQUE,
    client_id     VARCHAR(100) NOT NULL REFERENCES client (client_id),
    scopes        VARCHAR(500) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    expires_at    TIMESTAMPTZ,
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    version       BIGINT       NOT NULL
);
