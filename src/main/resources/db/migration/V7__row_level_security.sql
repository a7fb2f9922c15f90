-- V7: row-level security on the tenant column, a second wall behind every query's own tenant filter.
-- Request transactions run as the role plus_request with the tenant of their credential set
-- (io.plus.serve.db.TenantTransactions): a query there that forgets its tenant filter sees and
-- changes only that tenant's rows, and one made without the tenant set sees none. The connecting
-- user owns the tables, so migrations and train-run's snapshot export (all tenants) are not
-- subject to the policies.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'plus_request') THEN
        BEGIN
            CREATE ROLE plus_request NOLOGIN;
        EXCEPTION WHEN duplicate_object THEN
            NULL; -- roles belong to the server: another database's migration made it a moment ago
        END;
    END IF;
    IF NOT pg_has_role(current_user, 'plus_request', 'MEMBER') THEN
        EXECUTE format('GRANT plus_request TO %I', current_user);
    END IF;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON plus_user, feedback_event, user_summary TO plus_request;
GRANT USAGE, SELECT ON SEQUENCE feedback_event_id_seq, user_summary_id_seq TO plus_request;

ALTER TABLE plus_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE feedback_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_summary ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON plus_user TO plus_request
    USING (tenant = current_setting('plus.tenant', true)) WITH CHECK (tenant = current_setting('plus.tenant', true));
CREATE POLICY tenant_isolation ON feedback_event TO plus_request
    USING (tenant = current_setting('plus.tenant', true)) WITH CHECK (tenant = current_setting('plus.tenant', true));
CREATE POLICY tenant_isolation ON user_summary TO plus_request
    USING (tenant = current_setting('plus.tenant', true)) WITH CHECK (tenant = current_setting('plus.tenant', true));
