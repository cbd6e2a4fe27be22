CREATE TABLE device (
    uuid                 VARCHAR(100)  PRIMARY KEY,
    host                 VARCHAR(255)  NOT NULL,
    device_index         INTEGER       NOT NULL,
    name                 VARCHAR(200)  NOT NULL,
    memory_total_mb      BIGINT        NOT NULL,
    memory_free_mb       BIGINT        NOT NULL,
    utilization_percent  INTEGER,
    temperature_c        INTEGER,
    last_report_at       TIMESTAMPTZ   NOT NULL
);

CREATE INDEX device_host_idx ON device (host);
