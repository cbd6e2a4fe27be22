CREATE TABLE vram_observation (
    id           BIGSERIAL     PRIMARY KEY,
    model        VARCHAR(200)  NOT NULL,
    job_id       UUID          NOT NULL,
    formula_mb   BIGINT        NOT NULL CHECK (formula_mb > 0),
    peak_mb      BIGINT        NOT NULL CHECK (peak_mb >= 0),
    observed_at  TIMESTAMPTZ   NOT NULL
);

CREATE INDEX vram_observation_model_idx ON vram_observation (model, id DESC);
