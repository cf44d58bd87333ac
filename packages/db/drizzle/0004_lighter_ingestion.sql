ALTER TABLE "restore_points" DROP CONSTRAINT "restore_points_server_id_backup_servers_id_fk";
--> statement-breakpoint
DROP INDEX "machine_usage_sp";--> statement-breakpoint
-- Room on each page for the updated version of a row, so that the daily update of a machine's
-- usage stays on its page (a HOT update) and touches no index.
ALTER TABLE "machine_usage" SET (fillfactor = 70);
