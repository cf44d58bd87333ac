import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVcc } from './run-vcc.js';

const SCENARIOS = path.resolve(import.meta.dirname, '../../../../../shared/scenarios');

describe('vcc evaluate', () => {
  it.each(readdirSync(SCENARIOS).filter((f) => f.endsWith('.json')))(
    'prints a report whose figures match the expect block of %s',
    (file) => {
      const scenario = JSON.parse(readFileSync(path.join(SCENARIOS, file), 'utf8'));
      const { status, stdout } = runVcc(['evaluate', path.join(SCENARIOS, file)]);
      expect(status).toBe(0);
      const report = JSON.parse(stdout);
      expect(report.format).toBe('vcc-report/1');
      for (const [month, figures] of Object.entries(
        scenario.expect as Record<string, Record<string, number> | string[]>,
      )) {
        if (month === 'violations') {
          const codes = report.months.flatMap((m: { violations: { code: string }[] }) =>
            m.violations.map((v) => v.code),
          );
          for (const code of figures as string[]) expect(codes).toContain(code);
          continue;
        }
        const m = report.months.find((x: { month: string }) => x.month === month);
        for (const [dotted, want] of Object.entries(figures as Record<string, number>)) {
          const [kind, a, b, c] = dotted.split('.');
          const got =
            kind === 'sp'
              ? a === 'units'
                ? m.serviceProvider.units[b!]
                : m.serviceProvider.counters[a!][b!]
              : kind === 'license'
                ? m.tenants
                    .find((t: { id: string }) => t.id === a)
                    .licenses.find((l: { id: string }) => l.id === b)[c!]
                : m.tenants.find((t: { id: string }) => t.id === a).counters[b!][c!];
          expect(got, `${month} ${dotted}`).toBe(want);
        }
      }
    },
  );

  it('refuses a bad scenario with every problem by JSON path, a non-zero exit and nothing on stdout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vcc-'));
    const file = path.join(dir, 'bad.json');
    const scenario = JSON.parse(readFileSync(path.join(SCENARIOS, 'example-1-perpetual.json'), 'utf8'));
    scenario.tenants[0].restorePoints[1].machine = 'zz';
    scenario.tenants[0].restorePoints[2].at = '2026-02-30T00:00:00Z';
    scenario.tenants[0].machines.push({ id: 'a', kind: 'vm' });
    writeFileSync(file, JSON.stringify(scenario));
    const { status, stdout, stderr } = runVcc(['evaluate', file]);
    expect(status).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('$.tenants[0].restorePoints[1].machine');
    expect(stderr).toContain('$.tenants[0].restorePoints[2].at');
    expect(stderr).toContain('$.tenants[0].machines[2].id');
  });

  it('says which file it cannot read', () => {
    const { status, stderr, stdout } = runVcc(['evaluate', '/no/such/file.json']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('/no/such/file.json');
  });
});
