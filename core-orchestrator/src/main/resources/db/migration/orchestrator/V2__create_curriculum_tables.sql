CREATE TABLE skill_progress (
    skill              VARCHAR(50) PRIMARY KEY,
    level              INTEGER     NOT NULL CHECK (level >= 1),
    consecutive_passes INTEGER     NOT NULL DEFAULT 0,
    completed          BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE skill_evaluation (
    id                 BIGSERIAL PRIMARY KEY,
    skill              VARCHAR(50)   NOT NULL,
    level              INTEGER       NOT NULL,
    accuracy           DOUBLE PRECISION NOT NULL CHECK (accuracy BETWEEN 0 AND 1),
    passed             BOOLEAN       NOT NULL,
    advanced_to        INTEGER,
    source             VARCHAR(200)  NOT NULL,
    evaluated_at       TIMESTAMPTZ   NOT NULL
);

CREATE INDEX skill_evaluation_skill_idx ON skill_evaluation (skill, evaluated_at);
