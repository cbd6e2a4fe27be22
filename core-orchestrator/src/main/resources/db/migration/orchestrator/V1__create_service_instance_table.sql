CREATE TABLE service_instance (
    instance_id    VARCHAR(200) PRIMARY KEY,
    service_name   VARCHAR(100) NOT NULL,
    host           VARCHAR(255) NOT NULL,
    port           INTEGER      NOT NULL CHECK (port BETWEEN 1 AND 65535),
    scheme         VARCHAR(5)   NOT NULL,
    host_role      VARCHAR(50)  NOT NULL,
    metadata       TEXT         NOT NULL DEFAULT '{}',
    status         VARCHAR(10)  NOT NULL,
    registered_at  TIMESTAMPTZ  NOT NULL,
    last_heartbeat TIMESTAMPTZ  NOT NULL,
    down_since     TIMESTAMPTZ
);

CREATE INDEX service_instance_service_name_idx ON service_instance (service_name);
