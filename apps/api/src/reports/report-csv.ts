/**
 * The CSV export of a monthly report: the figures that count (`adjusted`: the engine's with the
 * adjustments, or the approved snapshot), one row per tenant × counter and one per tenant license.
 * Counter and state values are spelled as in vcc-report/1 (`vm-backup`, `ok`).
 */
import type { MonthlyReport } from '../schema/reports/monthly-report.types.js';

export const CSV_COLUMNS = [
  'month',
  'status',
  'tenant_external_id',
  'tenant_name',
  'row',
  'counter',
  'license_external_id',
  'license_type',
  'used',
  'new',
  'rental',
  'units',
  'capacity',
  'state',
] as const;

type Cell = string | number | null;

/**
 * RFC 4180 quoting, and a leading apostrophe on text that a spreadsheet would run as a formula
 * (CWE-1236): names come from the SP's and tenants' own data.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function monthlyReportCsv(report: MonthlyReport): string {
  const status = report.status;
  const lines: Cell[][] = [[...CSV_COLUMNS]];
  for (const t of report.adjusted.tenants) {
    const tenant = [report.month, status, t.tenant.externalId, t.tenant.name];
    for (const c of t.counters)
      lines.push([...tenant, 'counter', c.counter, null, null, c.used, c.new, c.rental, c.units, null, null]);
    for (const l of t.licenses)
      lines.push([
        ...tenant,
        'license',
        null,
        l.license.externalId,
        l.license.type,
        l.used,
        l.new,
        null,
        null,
        l.capacity,
        l.state,
      ]);
  }
  return `${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
