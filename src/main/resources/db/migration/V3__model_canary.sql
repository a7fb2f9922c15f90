-- V3: a canary beside the active version. At most one: the candidate every instance serves to
-- `percent` of users (a stable hash of tenant and user), next to the active version for the rest.
CREATE TABLE IF NOT EXISTS model_canary (
    singleton   boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    version     text        NOT NULL REFERENCES model_version (version),
    percent     integer     NOT NULL CHECK (percent BETWEEN 0 AND 100),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
