/** Where a license stands by its dates today (R-EXPIRY: expiring within 30 days of its end). */
export type Validity = 'ACTIVE' | 'EXPIRING' | 'EXPIRED' | 'NOT_YET_VALID';

const DAY_MS = 86_400_000;

export function validityOf(validFrom: string, validTo: string | null, now: Date = new Date()): Validity {
  const today = now.toISOString().slice(0, 10);
  if (today < validFrom) return 'NOT_YET_VALID';
  if (validTo === null) return 'ACTIVE';
  if (today > validTo) return 'EXPIRED';
  const left = (Date.parse(`${validTo}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS;
  return left <= 30 ? 'EXPIRING' : 'ACTIVE';
}

export const VALIDITY_LABEL: Record<Validity, string> = {
  ACTIVE: 'Active',
  EXPIRING: 'Expiring soon',
  EXPIRED: 'Expired',
  NOT_YET_VALID: 'Not yet valid',
};

/** The badge class of the existing state badges: good, warning, bad. */
export const VALIDITY_BADGE: Record<Validity, string> = {
  ACTIVE: 'badge--ok',
  EXPIRING: 'badge--grace',
  EXPIRED: 'badge--unlicensed',
  NOT_YET_VALID: 'badge--grace',
};
