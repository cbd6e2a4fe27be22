-- One row per alert (a rule's condition for one set of labels); resolved rows stay as history and
-- come back to life when the condition holds again.
CREATE TABLE alert (
    fingerprint      VARCHAR(2000)    PRIMARY KEY,
    rule_name        VARCHAR(100)     NOT NULL,
    group_key        VARCHAR(2000)    NOT NULL,
    labels           TEXT             NOT NULL DEFAULT '{}',
    severity         VARCHAR(10)      NOT NULL,
    summary          VARCHAR(1000),
    channels         VARCHAR(200)     NOT NULL,
    state            VARCHAR(10)      NOT NULL,
    value            DOUBLE PRECISION NOT NULL,
    active_since     TIMESTAMPTZ      NOT NULL,
    fired_at         TIMESTAMPTZ,
    resolved_at      TIMESTAMPTZ,
    notified_state   VARCHAR(10),
    last_notified_at TIMESTAMPTZ,
    version          BIGINT           NOT NULL DEFAULT 0
);

CREATE INDEX alert_state_idx ON alert (state);
CREATE INDEX alert_group_key_idx ON alert (group_key);

-- When each group of alerts was last notified: at most once per group window.
CREATE TABLE alert_group (
    group_key    VARCHAR(2000) PRIMARY KEY,
    last_sent_at TIMESTAMPTZ   NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0
);

-- The notification outbox and history: written with the alert state it reflects, sent afterwards,
-- so that a restart neither loses a decided notification nor sends one twice.
CREATE TABLE alert_notification (
    id          BIGSERIAL     PRIMARY KEY,
    group_key   VARCHAR(2000) NOT NULL,
    channel     VARCHAR(20)   NOT NULL,
    kind        VARCHAR(10)   NOT NULL,
    title       VARCHAR(1000) NOT NULL,
    payload     TEXT          NOT NULL,
    status      VARCHAR(10)   NOT NULL,
    attempts    INTEGER       NOT NULL DEFAULT 0,
    last_error  VARCHAR(2000),
    created_at  TIMESTAMPTZ   NOT NULL,
    sent_at     TIMESTAMPTZ,
    version     BIGINT        NOT NULL DEFAULT 0
);

CREATE INDEX alert_notification_pending_idx ON alert_notification (status) WHERE status = 'PENDING';
CREATE INDEX alert_notification_created_idx ON alert_notification (created_at DESC);

-- Events counted by event rules, once per event id and rule even when an event is delivered twice.
CREATE TABLE alert_event (
    event_id    VARCHAR(200)  NOT NULL,
    rule_name   VARCHAR(100)  NOT NULL,
    fingerprint VARCHAR(2000) NOT NULL,
    labels      TEXT          NOT NULL,
    received_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (event_id, rule_name)
);

CREATE INDEX alert_event_rule_received_idx ON alert_event (rule_name, received_at);
