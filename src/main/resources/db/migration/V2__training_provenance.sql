-- V2: a model version trained by `plus train-run` records what it was compared with: the version
-- that was active when it was evaluated and that version's metrics on the same held-out users and
-- pairs (the evaluation gate reads both), and which training run produced it.
ALTER TABLE model_version ADD COLUMN IF NOT EXISTS baseline_version text;
ALTER TABLE model_version ADD COLUMN IF NOT EXISTS baseline_metrics text;
ALTER TABLE model_version ADD COLUMN IF NOT EXISTS training_run text;
