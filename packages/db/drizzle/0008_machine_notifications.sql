-- A machine whose kind or agent changed is announced on commit on channel vcc_machines, with its
-- tenant's id as the payload (one notification per tenant and transaction: NOTIFY folds repeats),
-- so that the API's directory of known machines drops what it holds of them. Machines are never
-- deleted, and a new machine is not yet in any directory, so updates are all there is to hear of.
CREATE FUNCTION notify_machine_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('vcc_machines', NEW.tenant_id::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER machines_identity AFTER UPDATE OF kind, agent_os, agent_version ON machines
  FOR EACH ROW
  WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.agent_os IS DISTINCT FROM NEW.agent_os
        OR OLD.agent_version IS DISTINCT FROM NEW.agent_version)
  EXECUTE FUNCTION notify_machine_change();
