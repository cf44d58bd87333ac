import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { queryRows } from '@vcc/db';
import { createTestDatabase, type TestDatabase } from '@vcc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVcc } from './run-vcc.js';

const SCENARIO = path.resolve(import.meta.dirname, '../../../../../shared/scenarios/example-2-rental.json');

describe('vcc import, keys and users on PostgreSQL', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const count = async (table: string) =>
    (
      await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from ${sql.identifier(table)}`,
      )
    )[0]!.n;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    env = { DATABASE_URL: database.url! };
  });
  afterAll(() => database.drop());

  it('refuses a bad scenario whole: every problem listed, nothing written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vcc-'));
    const file = path.join(dir, 'bad.json');
    const scenario = JSON.parse(readFileSync(SCENARIO, 'utf8'));
    scenario.tenants[0].restorePoints[0].operation = 'cloud-teleport';
    scenario.tenants[0].backupServers[0].licenses[0].validFrom = '2025-13-01';
    writeFileSync(file, JSON.stringify(scenario));
    const result = runVcc(['import', file], env);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('$.tenants[0].restorePoints[0].operation');
    expect(result.stderr).toContain('$.tenants[0].backupServers[0].licenses[0].validFrom');
    for (const table of ['service_providers', 'tenants', 'machines', 'restore_points'])
      expect(await count(table), table).toBe(0);
  });

  it('imports a scenario, and importing it again changes nothing', async () => {
    expect(runVcc(['import', SCENARIO], env).status).toBe(0);
    const points = await count('restore_points');
    const second = runVcc(['import', SCENARIO], env);
    expect(second.status).toBe(0);
    expect(second.stderr).toContain('0 new restore points');
    expect(await count('restore_points')).toBe(points);
  });

  it('prints a new API key alone on stdout and stores only its hash', async () => {
    const { status, stdout } = runVcc(['keys', 'create', '--tenant', 'alpha'], env);
    expect(status).toBe(0);
    const key = stdout.trim();
    expect(key).toMatch(/^vcc_live_[0-9A-Za-z]{28}$/);
    const stored = await queryRows<{ role: string; text: string }>(
      database.db,
      sql`select role::text, k::text as text from api_keys k`,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.role).toBe('tenant-admin');
    expect(stored[0]!.text).not.toContain(key.slice(9));
  });

  it('creates a login with a password from stdin, or prints a generated one', async () => {
    const piped = runVcc(
      ['users', 'create', '--email', 'Ops@Acme.test', '--role', 'sp-admin', '--password-stdin'],
      env,
      'a long enough password\n',
    );
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe('');
    const generated = runVcc(
      ['users', 'create', '--email', 'ann@alpha.test', '--role', 'tenant-viewer', '--tenant', 'alpha'],
      env,
    );
    expect(generated.status).toBe(0);
    expect(generated.stdout.trim()).toMatch(/^[\w-]{24}$/);
    const duplicate = runVcc(
      ['users', 'create', '--email', 'ops@acme.test', '--role', 'sp-viewer', '--password-stdin'],
      env,
      'another long password',
    );
    expect(duplicate.status).toBe(2);
    expect(duplicate.stderr).toContain('already exists');
    const users = await queryRows<{ email: string; hash: string }>(
      database.db,
      sql`select email, password_hash as hash from users order by email`,
    );
    expect(users.map((u) => u.email)).toEqual(['ann@alpha.test', 'ops@acme.test']);
    expect(users.every((u) => u.hash.startsWith('$argon2id$'))).toBe(true);
  });
});
