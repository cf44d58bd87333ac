import { describe, expect, it } from 'vitest';
import {
  formatScenarioPath,
  isScenarioDate,
  isScenarioMonth,
  isScenarioVersion,
  scenarioTimeMs,
} from '../../src/scenario/index.js';

describe('scenarioTimeMs', () => {
  it('reads whole and fractional seconds as UTC milliseconds', () => {
    expect(scenarioTimeMs('2026-10-02T01:00:00Z')).toBe(Date.UTC(2026, 9, 2, 1));
    expect(scenarioTimeMs('2026-10-02T01:00:00.5Z')).toBe(Date.UTC(2026, 9, 2, 1, 0, 0, 500));
    expect(scenarioTimeMs('2026-10-02T01:00:00.123999Z')).toBe(Date.UTC(2026, 9, 2, 1, 0, 0, 123));
  });

  it('accepts years from 1970 on only (PostgreSQL has no year 0; Date.UTC misreads years 0 to 99)', () => {
    expect(scenarioTimeMs('1970-01-01T00:00:00Z')).toBe(0);
    expect(scenarioTimeMs('1969-12-31T23:59:59.999Z')).toBeNull();
    expect(scenarioTimeMs('0000-01-01T00:00:00Z')).toBeNull();
    expect(scenarioTimeMs('0099-01-01T00:00:00Z')).toBeNull();
    expect(isScenarioDate('1969-12-31')).toBe(false);
    expect(isScenarioMonth('1969-12')).toBe(false);
    expect(isScenarioMonth('1970-01')).toBe(true);
  });

  it('keeps a point just after midnight after midnight, and one at midnight on it', () => {
    expect(scenarioTimeMs('2026-11-01T00:00:00.000Z')).toBe(Date.UTC(2026, 10, 1));
    expect(scenarioTimeMs('2026-11-01T00:00:00.0000001Z')).toBe(Date.UTC(2026, 10, 1) + 1);
    expect(scenarioTimeMs('2026-10-31T23:59:59.9999Z')).toBe(Date.UTC(2026, 10, 1) - 1);
  });

  it.each([
    '2026-13-01T00:00:00Z',
    '2026-02-29T00:00:00Z',
    '2026-10-02T24:00:00Z',
    '2026-10-02T01:00:00.1234567890Z',
    '',
  ])('refuses %j', (text) => {
    expect(scenarioTimeMs(text)).toBeNull();
  });
});

describe('dates, months and versions', () => {
  it('knows the calendar', () => {
    expect(['2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30'].every(isScenarioDate)).toBe(true);
    expect(['2100-02-29', '2026-02-29', '2026-04-31', '2026-00-10', '2026-01-00'].some(isScenarioDate)).toBe(
      false,
    );
  });

  it('knows months 01 to 12', () => {
    expect(isScenarioMonth('2026-01') && isScenarioMonth('2026-12')).toBe(true);
    expect(isScenarioMonth('2026-00') || isScenarioMonth('2026-13') || isScenarioMonth('2026-1')).toBe(false);
  });

  it('knows dotted build numbers', () => {
    expect(['9.5.0.1536', '10', '2.1', '12.0.0.1420'].every(isScenarioVersion)).toBe(true);
    expect(['', '9.', '.9', '9..5', 'v9', '9.5-beta', '1234567890.1'].some(isScenarioVersion)).toBe(false);
  });
});

describe('formatScenarioPath', () => {
  it('writes JSON paths', () => {
    expect(formatScenarioPath([])).toBe('$');
    expect(formatScenarioPath(['tenants', 0, 'restorePoints', 3, 'at'])).toBe(
      '$.tenants[0].restorePoints[3].at',
    );
    expect(formatScenarioPath(['plan', 'vm-backup'])).toBe('$.plan["vm-backup"]');
    expect(formatScenarioPath(['a b', '"'])).toBe('$["a b"]["\\""]');
  });
});
