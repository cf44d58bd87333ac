-- Versions finer than the estate's, so that a report need not be computed again for tenants whose
-- facts did not change. The SP's config_version moves with every change but ingestion (tenants,
-- servers, licenses, imports); a tenant's usage version is the estate version of the last batch that
-- wrote its machines or restore points. A tenant's figures depend on the configuration and on its own
-- machines only, so (config_version, its usage version) names them.
ALTER TABLE "service_providers" ADD COLUMN "config_version" bigint DEFAULT 0 NOT NULL;
--> statement-breakpoint
UPDATE "service_providers" SET "config_version" = "estate_version";
--> statement-breakpoint
GRANT UPDATE ("config_version") ON "service_providers" TO vcc_app;
--> statement-breakpoint
-- A table of its own, not a column of tenants: a tenant scope may ingest its own points but never
-- write its tenant row, and ingestion should not churn the row every request reads.
CREATE TABLE "tenant_usage_versions" (
	"sp_id" uuid NOT NULL REFERENCES "service_providers"("id"),
	"tenant_id" uuid PRIMARY KEY NOT NULL REFERENCES "tenants"("id"),
	"version" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_usage_versions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tenant_usage_versions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_usage_versions_isolation" ON "tenant_usage_versions" USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id()))) WITH CHECK (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id())));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "tenant_usage_versions" TO vcc_app;
