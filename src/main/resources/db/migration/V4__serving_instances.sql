-- V4: what each model-serving instance has loaded, reported after every registry check, so a
-- rollout can tell when every instance serves what it asks for. Instances that stop reporting are
-- ignored after a few check intervals and pruned later.
CREATE TABLE IF NOT EXISTS serving_instance (
    instance_id    text        PRIMARY KEY,
    functions      text        NOT NULL,
    active_version text,
    canary_version text,
    canary_percent integer,
    reported_at    timestamptz NOT NULL
);
