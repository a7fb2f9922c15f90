-- V8: the audit log of admin actions and erasures: who (the credential), what, when, the outcome.
-- Entries hold ids and counts only, never feedback or summary text, so an erased user leaves
-- nothing of what they said behind here. Read by GET /v1/audit (admin scope).
CREATE TABLE IF NOT EXISTS audit_log (
    id       bigserial   PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    -- an API key id, jwt:<token id>, admin-token, or command-line
    actor    text        NOT NULL,
    -- user.erase | model.register | model.activate | model.rollback | canary.start | canary.stop | key.create | key.revoke
    action   text        NOT NULL,
    tenant   text,
    -- the user, model version or key acted on
    target   text,
    -- succeeded | refused | failed
    outcome  text        NOT NULL,
    -- the HTTP status answered (for the command line: 0)
    status   integer     NOT NULL,
    -- a JSON object of ids and counts (the problem type when refused)
    detail   text        NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at DESC, id DESC);
