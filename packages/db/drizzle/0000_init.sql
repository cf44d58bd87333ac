CREATE TYPE "public"."agent_os" AS ENUM('windows', 'linux');--> statement-breakpoint
CREATE TYPE "public"."license_type" AS ENUM('cloud-connect-sp', 'perpetual', 'subscription', 'rental', 'hosting', 'evaluation', 'nfr', 'free');--> statement-breakpoint
CREATE TYPE "public"."machine_kind" AS ENUM('vm', 'server', 'workstation');--> statement-breakpoint
CREATE TYPE "public"."op_class" AS ENUM('cloud-backup', 'cloud-replica', 'local');--> statement-breakpoint
CREATE TYPE "public"."operation" AS ENUM('cloud-backup', 'cloud-backup-copy', 'cloud-replica', 'local-backup', 'local-backup-copy', 'local-replica');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('sp-admin', 'sp-viewer', 'tenant-admin', 'tenant-viewer');--> statement-breakpoint
CREATE TYPE "public"."ruleset" AS ENUM('vbr-9.5', 'vcsp-points');--> statement-breakpoint
CREATE TABLE "api_keys" (
	"sp_id" uuid NOT NULL,
	"tenant_id" uuid,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"hash" "bytea" NOT NULL,
	"display" text NOT NULL,
	"role" "role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"sp_id" uuid NOT NULL,
	"tenant_id" uuid,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "backup_servers" (
	"sp_id" uuid NOT NULL,
	"tenant_id" uuid,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"version" text NOT NULL,
	CONSTRAINT "backup_servers_sp_external_id" UNIQUE("sp_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "licenses" (
	"sp_id" uuid NOT NULL,
	"tenant_id" uuid,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"server_id" uuid NOT NULL,
	"type" "license_type" NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"cap_vm_backup" integer,
	"cap_vm_replica" integer,
	"cap_server" integer,
	"cap_workstation" integer,
	"cap_points" integer,
	"cap_instances" integer,
	CONSTRAINT "licenses_sp_external_id" UNIQUE("sp_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "service_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"ruleset" "ruleset" NOT NULL,
	"estate_version" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_providers_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"sp_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"managed_by_sp" boolean DEFAULT false NOT NULL,
	"plan_vm_backup" integer DEFAULT 0 NOT NULL,
	"plan_vm_replica" integer DEFAULT 0 NOT NULL,
	"plan_server" integer DEFAULT 0 NOT NULL,
	"plan_workstation" integer DEFAULT 0 NOT NULL,
	"plan_vms" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenants_sp_external_id" UNIQUE("sp_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"sp_id" uuid NOT NULL,
	"tenant_id" uuid,
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject" text,
	"details" jsonb,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "idempotency_records" (
	"sp_id" uuid NOT NULL,
	"tenant_id" uuid,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" "bytea" NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_records_pk" PRIMARY KEY("sp_id","scope","key")
);
--> statement-breakpoint
CREATE TABLE "report_adjustments" (
	"sp_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month" date NOT NULL,
	"counter" text NOT NULL,
	"field" text NOT NULL,
	"value" integer NOT NULL,
	"reason" text NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_snapshot_tenants" (
	"sp_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"month" date NOT NULL,
	"report" jsonb NOT NULL,
	"violations" jsonb NOT NULL,
	CONSTRAINT "report_snapshot_tenants_pk" PRIMARY KEY("tenant_id","month")
);
--> statement-breakpoint
CREATE TABLE "report_snapshots" (
	"sp_id" uuid NOT NULL,
	"month" date NOT NULL,
	"ruleset" "ruleset" NOT NULL,
	"service_provider" jsonb NOT NULL,
	"violations" jsonb NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" text NOT NULL,
	CONSTRAINT "report_snapshots_pk" PRIMARY KEY("sp_id","month")
);
--> statement-breakpoint
CREATE TABLE "machine_usage" (
	"sp_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"machine_id" bigint NOT NULL,
	"server_id" uuid NOT NULL,
	"op_class" "op_class" NOT NULL,
	"first_at" timestamp (3) with time zone NOT NULL,
	"days" integer[] NOT NULL,
	"late_days" integer[] NOT NULL,
	CONSTRAINT "machine_usage_pk" PRIMARY KEY("tenant_id","machine_id","server_id","op_class")
);
--> statement-breakpoint
CREATE TABLE "machines" (
	"sp_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "machines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"external_id" text NOT NULL,
	"kind" "machine_kind" NOT NULL,
	"agent_os" "agent_os",
	"agent_version" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "machines_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "machines_tenant_external_id" UNIQUE("tenant_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "restore_points" (
	"sp_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"machine_id" bigint NOT NULL,
	"server_id" uuid NOT NULL,
	"operation" "operation" NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "restore_points_pk" PRIMARY KEY("tenant_id","machine_id","server_id","operation","at")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_sp_id_service_providers_id_fk" FOREIGN KEY ("sp_id") REFERENCES "public"."service_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_sp_id_service_providers_id_fk" FOREIGN KEY ("sp_id") REFERENCES "public"."service_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_servers" ADD CONSTRAINT "backup_servers_sp_id_service_providers_id_fk" FOREIGN KEY ("sp_id") REFERENCES "public"."service_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_servers" ADD CONSTRAINT "backup_servers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_sp_id_service_providers_id_fk" FOREIGN KEY ("sp_id") REFERENCES "public"."service_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_server_id_backup_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."backup_servers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_sp_id_service_providers_id_fk" FOREIGN KEY ("sp_id") REFERENCES "public"."service_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_adjustments" ADD CONSTRAINT "report_adjustments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_snapshot_tenants" ADD CONSTRAINT "report_snapshot_tenants_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_snapshots" ADD CONSTRAINT "report_snapshots_sp_id_service_providers_id_fk" FOREIGN KEY ("sp_id") REFERENCES "public"."service_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machines" ADD CONSTRAINT "machines_sp_id_service_providers_id_fk" FOREIGN KEY ("sp_id") REFERENCES "public"."service_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machines" ADD CONSTRAINT "machines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_points" ADD CONSTRAINT "restore_points_server_id_backup_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."backup_servers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_tenant" ON "api_keys" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "users_tenant" ON "users" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "backup_servers_tenant" ON "backup_servers" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "licenses_server" ON "licenses" USING btree ("server_id");--> statement-breakpoint
CREATE INDEX "tenants_sp_name" ON "tenants" USING btree ("sp_id",lower("name"));--> statement-breakpoint
CREATE INDEX "audit_log_sp_at" ON "audit_log" USING btree ("sp_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_tenant" ON "audit_log" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "report_adjustments_sp_month" ON "report_adjustments" USING btree ("sp_id","month");--> statement-breakpoint
CREATE INDEX "machine_usage_sp" ON "machine_usage" USING btree ("sp_id");