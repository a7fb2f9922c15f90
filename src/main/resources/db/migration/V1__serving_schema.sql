-- V1: the serving schema as the application created it before migrations were versioned. Every
-- statement is idempotent (IF NOT EXISTS): a database set up by an earlier release is baselined at
-- version 0 and runs this as a no-op, a new one is created by it.

-- "already exists, skipping" is the expected case on an old database, not news
SET LOCAL client_min_messages = warning;

CREATE TABLE IF NOT EXISTS plus_user (
    tenant             text        NOT NULL,
    user_id            text        NOT NULL,
    -- the user's feedback watermark: the sequence number of their newest stored event
    last_sequence      bigint      NOT NULL DEFAULT 0,
    -- the summary the user wrote or edited and pinned; scoring uses it until it is unpinned
    pinned_summary_id  bigint,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, user_id)
);
CREATE SEQUENCE IF NOT EXISTS feedback_event_id_seq INCREMENT BY 100;
CREATE TABLE IF NOT EXISTS feedback_event (
    id             bigint      PRIMARY KEY,
    tenant         text        NOT NULL,
    user_id        text        NOT NULL,
    -- the client's id for the event: a retry with the same id is stored once
    event_id       text        NOT NULL,
    sequence       bigint      NOT NULL,
    -- preference | conversation | self-description
    kind           text        NOT NULL,
    prompt         text,
    chosen         text,
    rejected       text,
    context_text   text,
    occurred_at    timestamptz NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now(),
    -- SHA-256 of the event's canonical content: tells a retry from a different event reusing an id
    body_sha256    text        NOT NULL,
    CONSTRAINT feedback_event_client_id UNIQUE (tenant, event_id),
    CONSTRAINT feedback_event_user_sequence UNIQUE (tenant, user_id, sequence)
);
CREATE SEQUENCE IF NOT EXISTS user_summary_id_seq INCREMENT BY 1;
CREATE TABLE IF NOT EXISTS user_summary (
    id                 bigint      PRIMARY KEY,
    tenant             text        NOT NULL,
    user_id            text        NOT NULL,
    text               text        NOT NULL,
    -- JSON array of {"id","text"}: the bank statements a generated summary is made of
    statements         text        NOT NULL,
    model_version      text        NOT NULL,
    feedback_sequence  bigint      NOT NULL,
    -- generated | edited
    origin             text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now()
);
-- one generated summary per user, model and watermark: replicas that build it concurrently store it once
CREATE UNIQUE INDEX IF NOT EXISTS user_summary_generated_once
    ON user_summary (tenant, user_id, model_version, feedback_sequence) WHERE origin = 'generated';
CREATE INDEX IF NOT EXISTS user_summary_history ON user_summary (tenant, user_id, created_at DESC);
CREATE TABLE IF NOT EXISTS model_version (
    version          text        PRIMARY KEY,
    location         text        NOT NULL,
    -- SHA-256 of the bundle's manifest.json; the manifest holds the SHA-256 of every other file
    manifest_sha256  text        NOT NULL,
    method           text        NOT NULL,
    conditioning     text        NOT NULL,
    encoder_id       text        NOT NULL,
    metrics          text        NOT NULL,
    -- candidate | active | retired | rejected
    status           text        NOT NULL,
    status_reason    text,
    registered_at    timestamptz NOT NULL DEFAULT now(),
    activated_at     timestamptz,
    retired_at       timestamptz
);
-- at most one active version, enforced by the database itself
CREATE UNIQUE INDEX IF NOT EXISTS model_version_one_active ON model_version ((status)) WHERE status = 'active';
