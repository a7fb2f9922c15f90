-- pgbench baseline for feedback ingest: one durable single-row INSERT per transaction into an
-- ordinary (logged) table, ~300-byte text payload, bigserial id. With synchronous_commit on (the
-- default) every transaction waits for its WAL flush, as a durably accepted feedback event must.
-- The driver creates load_baseline.events in the plus_load database and drops it afterwards.
\set u random(0, 999)
INSERT INTO load_baseline.events (user_id, payload) VALUES ('u' || lpad(:u::text, 4, '0'), rpad(md5(random()::text), 300, md5(random()::text)));
