/** The benchmark's figures as a table, with each page's ratio to its baseline and the target. */

export const TARGET_MS = 1500;

export interface Figures {
  cold: number;
  p50: number;
  p95: number;
}

export interface FirstVisit {
  /** Null when the page did not show its figures (an error page: an API call timed out). */
  figures: number | null;
  trend: number | null;
  problem?: string;
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;

export function printTable(
  rows: { name: string; portal: Figures; baseline: Figures }[],
  first: FirstVisit,
): void {
  const columns = [
    'cold',
    'warm p50',
    'warm p95',
    'baseline cold',
    'baseline p50',
    'cold ×',
    'p50 ×',
    'target',
  ];
  console.log(`\n  ${'page'.padEnd(44)} ${columns.map((c) => c.padStart(13)).join(' ')}`);
  for (const { name, portal, baseline } of rows) {
    const cells = [
      ms(portal.cold),
      ms(portal.p50),
      ms(portal.p95),
      ms(baseline.cold),
      ms(baseline.p50),
      `${(portal.cold / baseline.cold).toFixed(1)}×`,
      `${(portal.p50 / baseline.p50).toFixed(1)}×`,
      Math.max(portal.cold, portal.p95) < TARGET_MS ? 'met' : 'MISSED',
    ];
    console.log(`  ${name.padEnd(44)} ${cells.map((c) => c.padStart(13)).join(' ')}`);
  }
  const shown = (value: number | null) => (value === null ? 'did not show' : ms(value));
  console.log(
    `\n  first overview after the API started (report cache empty): figures ${shown(first.figures)}, trend drawn ${shown(first.trend)}${first.problem ? ` (${first.problem})` : ''}`,
  );
  console.log(`  target: under ${ms(TARGET_MS)} cold and at p95; ratios are portal ÷ baseline`);
}
