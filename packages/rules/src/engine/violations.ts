/**
 * The month's violations, de-duplicated (project definition: one per code and subject) and sorted so
 * the report does not depend on the order facts arrive in: errors first, then by code and subject.
 */
import type { Severity } from '../model.js';
import type { Violation, ViolationCode } from '../report.js';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface Subject {
  tenant?: string | null;
  license?: string | null;
  server?: string | null;
  machine?: string | null;
  /** Distinguishes subjects the four fields do not, e.g. the counter of an SP license. */
  detail?: string;
}

export class ViolationLog {
  private readonly byKey = new Map<string, Violation>();

  add(code: ViolationCode, severity: Severity, subject: Subject, message: string): void {
    const v: Violation = {
      code,
      severity,
      tenant: subject.tenant ?? null,
      license: subject.license ?? null,
      server: subject.server ?? null,
      machine: subject.machine ?? null,
      message,
    };
    const key = [code, v.tenant, v.license, v.server, v.machine, subject.detail ?? ''].join('\u0000');
    if (!this.byKey.has(key)) this.byKey.set(key, v);
  }

  list(): Violation[] {
    const cmp = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');
    return [...this.byKey.values()].sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        a.code.localeCompare(b.code) ||
        cmp(a.tenant, b.tenant) ||
        cmp(a.server, b.server) ||
        cmp(a.license, b.license) ||
        cmp(a.machine, b.machine) ||
        a.message.localeCompare(b.message),
    );
  }
}
