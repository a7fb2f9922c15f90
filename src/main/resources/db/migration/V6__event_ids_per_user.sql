-- V6: a client event id is unique per user, not per tenant. Two users' clients may pick the same id
-- without one being refused, and a 409 on a reused id can only ever concern the caller's own user:
-- it says nothing about whether some other user of the tenant exists. Every database that held the
-- old, stricter key already satisfies this one.
ALTER TABLE feedback_event ADD CONSTRAINT feedback_event_user_event_id UNIQUE (tenant, user_id, event_id);
ALTER TABLE feedback_event DROP CONSTRAINT IF EXISTS feedback_event_client_id;
