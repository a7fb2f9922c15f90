-- V9: an erasure's audit entry is written in the erasure's own transaction (as plus_request), so
-- an erasure never commits unrecorded. That role may add entries for its transaction's tenant
-- only, and read none; GET /v1/audit reads as the table owner.
GRANT INSERT ON audit_log TO plus_request;
GRANT USAGE ON SEQUENCE audit_log_id_seq TO plus_request;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_entries ON audit_log;
CREATE POLICY tenant_entries ON audit_log FOR INSERT TO plus_request
    WITH CHECK (tenant = current_setting('plus.tenant', true));
