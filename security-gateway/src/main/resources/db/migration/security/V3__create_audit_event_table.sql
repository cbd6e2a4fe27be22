-- Append-only: who did what, when, from where, and how it ended.
CREATE TABLE audit_event (
    id              BIGSERIAL PRIMARY KEY,
    at              TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(100) NOT NULL,
    action          VARCHAR(60)  NOT NULL,
    target          VARCHAR(200),
    outcome         VARCHAR(20)  NOT NULL,
    remote_address  VARCHAR(100),
    detail          VARCHAR(500)
);
CREATE INDEX audit_event_at ON audit_event (at DESC);

CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
