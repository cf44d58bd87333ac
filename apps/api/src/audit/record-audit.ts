/**
 * One audit_log row for a change, written with the change in the request's transaction: a change
 * that is rolled back leaves no trace, and one that is kept always has its row.
 */
import { type Executor, schema } from '@vcc/db';
import { actorOf, type Principal } from '../auth/principal.js';

export interface AuditEntry {
  /** The tenant the change concerns (its admins read the row); null for SP-wide objects. */
  tenantId: string | null;
  action: string;
  subject: string;
  details?: unknown;
  /** Why, when the change requires one (e.g. a report adjustment). */
  reason?: string | null;
}

export async function recordAudit(tx: Executor, principal: Principal, entry: AuditEntry): Promise<void> {
  await tx.insert(schema.auditLog).values({
    spId: principal.spId,
    tenantId: entry.tenantId,
    actor: actorOf(principal),
    action: entry.action,
    subject: entry.subject,
    details: entry.details ?? null,
    reason: entry.reason ?? null,
  });
}
