/** The closing table of `pnpm test:reliability`, from the rows the test files recorded (stats.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { StatRow } from './stats.js';

export function readRows(dir: string): StatRow[] {
  const rows: StatRow[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (line.trim()) rows.push(JSON.parse(line) as StatRow);
    }
  }
  return rows;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** A Markdown table: area, what was tried, how often, what held. */
export function summaryTable(rows: StatRow[]): string {
  const order = ['isolation', 'bad input', 'idempotency', 'load', 'auth'];
  const sorted = [...rows].sort((a, b) => {
    const ia = order.indexOf(a.area);
    const ib = order.indexOf(b.area);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  const lines = [
    '| area | what was tried | how often | held | |',
    '| --- | --- | ---: | --- | --- |',
    ...sorted.map(
      (r) =>
        `| ${r.area} | ${r.tried} | ${fmt(r.count)} | ${fmt(r.held)}/${fmt(r.count)}${r.note ? ` (${r.note})` : ''} | ${r.held === r.count ? 'held' : 'FAILED'} |`,
    ),
  ];
  const total = rows.reduce((n, r) => n + r.count, 0);
  const held = rows.reduce((n, r) => n + r.held, 0);
  lines.push('', `${fmt(held)} of ${fmt(total)} checks held in ${rows.length} properties.`);
  return lines.join('\n');
}
