/**
 * The PDF export of a monthly report, laid out like VSPC's monthly usage report: title, month and
 * status, the SP's counters (SP callers), one line per tenant with its counters, the adjustments with
 * who and why, and the violations. Figures are those of the CSV (`adjusted`). Standard PDF fonts
 * (Helvetica, WinAnsi): no font files to ship; characters outside Latin-1 print as their nearest.
 */
import PDFDocument from 'pdfkit';
import type { MonthlyReport } from '../schema/reports/monthly-report.types.js';

const COUNTER_LABEL: Record<string, string> = {
  'vm-backup': 'VM backup',
  'vm-replica': 'VM replica',
  server: 'Server agent',
  workstation: 'Workstation agent',
};
const MARGIN = 48;

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

type Doc = InstanceType<typeof PDFDocument>;

/** A table that starts a new page (with its header again) when the next row would not fit. */
function table(doc: Doc, columns: Column[], rows: string[][]): void {
  const rowHeight = 16;
  const bottom = () => doc.page.height - MARGIN - rowHeight;
  const line = (cells: string[], bold: boolean) => {
    if (doc.y > bottom()) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    columns.forEach((c, i) => {
      doc.text(cells[i] ?? '', x + 2, y + 4, {
        width: c.width - 4,
        align: c.align ?? 'left',
        lineBreak: false,
        ellipsis: true,
      });
      x += c.width;
    });
    doc
      .moveTo(MARGIN, y + rowHeight)
      .lineTo(x, y + rowHeight)
      .lineWidth(bold ? 0.8 : 0.3)
      .strokeColor('#999999')
      .stroke();
    doc.x = MARGIN;
    doc.y = y + rowHeight;
  };
  line(
    columns.map((c) => c.title),
    true,
  );
  for (const row of rows) {
    if (doc.y > bottom()) {
      doc.addPage();
      line(
        columns.map((c) => c.title),
        true,
      );
    }
    line(row, false);
  }
  doc.moveDown(1);
}

function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
  doc.x = MARGIN;
  doc.font('Helvetica-Bold').fontSize(13).fillColor('#000000').text(text);
  doc.moveDown(0.4);
}

function monthTitle(month: string): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

export function monthlyReportPdf(report: MonthlyReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `License usage report ${report.month}` },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const r = report.adjusted;
  const fmt = (n: number | null) => (n === null ? '-' : String(n));

  doc.font('Helvetica-Bold').fontSize(20).text('Cloud Connect license usage report');
  doc
    .font('Helvetica')
    .fontSize(12)
    .text(`${monthTitle(report.month)} (${report.month}) · ruleset ${r.ruleset}`);
  const status =
    report.status === 'approved'
      ? `Approved ${report.approvedAt?.toISOString().slice(0, 16).replace('T', ' ')} UTC by ${report.approvedByLabel ?? report.approvedBy}`
      : `Open: under review${report.closed ? '' : ', the month has not ended'}; figures may still change`;
  doc.fontSize(10).fillColor('#333333').text(`Status: ${status}`).fillColor('#000000');
  doc.moveDown(1);

  const sp = r.serviceProvider;
  if (sp) {
    heading(doc, 'Service provider counters');
    table(
      doc,
      [
        { title: 'Counter', width: 120 },
        { title: 'Used', width: 55, align: 'right' },
        { title: 'New', width: 55, align: 'right' },
        { title: 'Rental', width: 55, align: 'right' },
        { title: 'Units', width: 55, align: 'right' },
        { title: 'Capacity', width: 60, align: 'right' },
        { title: 'Peak', width: 50, align: 'right' },
        { title: 'State', width: 49 },
      ],
      [
        ...sp.counters.map((c) => [
          COUNTER_LABEL[c.counter] ?? c.counter,
          fmt(c.used),
          fmt(c.new),
          fmt(c.rental),
          fmt(c.units),
          fmt(c.capacity),
          fmt(c.peak),
          c.state,
        ]),
        ['Units total', '', '', '', fmt(sp.units.used), fmt(sp.units.capacity), '', sp.units.state],
      ],
    );
  }

  heading(doc, 'Tenants (used / new / rental per counter)');
  const short = ['VM backup', 'VM replica', 'Server', 'Workstation'];
  table(
    doc,
    [
      { title: 'Tenant', width: 139 },
      ...short.map((title) => ({ title, width: 70, align: 'right' as const })),
      { title: 'Units', width: 60, align: 'right' },
    ],
    r.tenants.map((t) => [
      `${t.tenant.name} (${t.tenant.externalId})`,
      ...t.counters.map((c) => `${c.used} / ${c.new} / ${c.rental}`),
      String(t.counters.reduce((sum, c) => sum + c.units, 0)),
    ]),
  );

  const licenses = r.tenants.flatMap((t) => t.licenses.map((l) => ({ t, l })));
  if (licenses.length > 0) {
    heading(doc, 'Tenant licenses');
    table(
      doc,
      [
        { title: 'Tenant', width: 140 },
        { title: 'License', width: 110 },
        { title: 'Type', width: 70 },
        { title: 'Used', width: 50, align: 'right' },
        { title: 'New', width: 50, align: 'right' },
        { title: 'Capacity', width: 50, align: 'right' },
        { title: 'State', width: 29 },
      ],
      licenses.map(({ t, l }) => [
        t.tenant.externalId,
        l.license.externalId,
        l.license.type,
        fmt(l.used),
        fmt(l.new),
        fmt(l.capacity),
        l.state,
      ]),
    );
  }

  heading(doc, 'Adjustments');
  if (report.adjustments.length === 0) doc.font('Helvetica').fontSize(10).text('None.').moveDown(1);
  else
    table(
      doc,
      [
        { title: 'Tenant', width: 80 },
        { title: 'Figure', width: 110 },
        { title: 'Set to', width: 40, align: 'right' },
        { title: 'By', width: 100 },
        { title: 'Reason', width: 169 },
      ],
      report.adjustments.map((a) => [
        a.tenant.externalId,
        `${COUNTER_LABEL[a.counter] ?? a.counter} ${a.field}`,
        String(a.value),
        a.actorLabel,
        a.reason,
      ]),
    );

  heading(doc, 'Violations');
  if (r.violations.length === 0) doc.font('Helvetica').fontSize(10).text('None.');
  for (const v of r.violations) {
    if (doc.y > doc.page.height - MARGIN - 30) doc.addPage();
    doc.x = MARGIN;
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .text(`${v.severity.toUpperCase()} ${v.code}${v.tenant ? ` · ${v.tenant.externalId}` : ''}`, {
        continued: false,
      });
    doc.font('Helvetica').fontSize(9).text(v.message).moveDown(0.3);
  }
  doc.end();
  return done;
}
