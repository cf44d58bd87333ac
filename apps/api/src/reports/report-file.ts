/** The monthly report as a file (CSV or PDF): the one rendering behind GET /reports and `reportFile`. */
import type { MonthlyReport } from '../schema/reports/monthly-report.types.js';
import { monthlyReportCsv } from './report-csv.js';
import { monthlyReportPdf } from './report-pdf.js';

export type ReportFormat = 'csv' | 'pdf';

export interface ReportFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export async function renderReportFile(report: MonthlyReport, format: ReportFormat): Promise<ReportFile> {
  const filename = `vcc-report-${report.month}.${format}`;
  return format === 'csv'
    ? {
        filename,
        contentType: 'text/csv; charset=utf-8',
        content: Buffer.from(monthlyReportCsv(report), 'utf8'),
      }
    : { filename, contentType: 'application/pdf', content: await monthlyReportPdf(report) };
}
