-- V5: API keys. A key acts for one tenant with a set of scopes; only a SHA-256 of its secret is
-- stored (the secret is 256 random bits, shown once when the key is made). Revoked and expired keys
-- stay for the record; rotation is a new key beside the old one, then revoking the old.
CREATE TABLE IF NOT EXISTS api_key (
    key_id         text        PRIMARY KEY,
    tenant         text        NOT NULL,
    secret_sha256  bytea       NOT NULL,
    scopes         text        NOT NULL,
    name           text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz,
    revoked_at     timestamptz
);
CREATE INDEX IF NOT EXISTS api_key_tenant ON api_key (tenant);
