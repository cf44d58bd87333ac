/**
 * Which license a server carries on a day (project definition): every license whose validity period
 * (validFrom..validTo, whole UTC days, validTo included; no validTo: no end) contains that day.
 * Also the classes of license types the rules speak of.
 */
import type { LicenseFacts } from '../facts.js';
import type { LicenseType } from '../model.js';
import { dateDay, monthIndexStartDay } from '../time.js';

export interface LicenseCtx {
  facts: LicenseFacts;
  server: string;
  /** Epoch days, inclusive; `to` is +Infinity for a license without end. */
  from: number;
  to: number;
}

export function licenseCtx(facts: LicenseFacts, server: string): LicenseCtx {
  return {
    facts,
    server,
    from: dateDay(facts.validFrom),
    to: facts.validTo === undefined ? Number.POSITIVE_INFINITY : dateDay(facts.validTo),
  };
}

export function validOn(l: LicenseCtx, epochDay: number): boolean {
  return l.from <= epochDay && epochDay <= l.to;
}

/** Bits (day d → bit d−1) of the days of month index `mi` on which the license is valid. */
export function validDayMask(l: LicenseCtx, mi: number): number {
  const first = monthIndexStartDay(mi);
  const last = monthIndexStartDay(mi + 1) - 1;
  const a = Math.max(l.from, first);
  const b = Math.min(l.to, last);
  if (a > b) return 0;
  const width = b - a + 1;
  const ones = width >= 32 ? -1 : (1 << width) - 1;
  return (ones << (a - first)) | 0;
}

/** R-RENTAL-EXEMPT: a Hosting license is a rental license. */
export function isRentalType(t: LicenseType): boolean {
  return t === 'rental' || t === 'hosting';
}

/** R-TENANT-PAID: the paid tenant license types. */
export function isPaidType(t: LicenseType): boolean {
  return t === 'perpetual' || t === 'subscription' || t === 'rental' || t === 'hosting';
}

/** Tenant license capacity in instances; null when the license states none (not limited). */
export function instancesOf(l: LicenseFacts): number | null {
  return l.capacity.instances ?? null;
}
