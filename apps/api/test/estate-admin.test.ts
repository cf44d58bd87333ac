/**
 * Backup servers and licenses through the API: SP admins only; dates, capacities and capacity keys
 * checked as `vcc import` checks a scenario; duplicates are CONFLICT; each change audited and bumping
 * the estate version; the `licenses` and `serviceProvider` queries show each caller its reach.
 */
import { DATABASE_KINDS } from '@vcc/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoTenantScenario } from '../../../packages/db/test/support/two-tenants.js';
import { codeOf, expectBadInput, lastAudit, snapshot } from './support/admin-support.js';
import { startTestApi, type TestApi } from './support/test-api.js';

const SERVER = `mutation($input: CreateBackupServerInput!) {
  createBackupServer(input: $input) { externalId version tenant { externalId } licenses { externalId } } }`;
const UPGRADE =
  'mutation($id: String!, $v: String!) { updateBackupServer(externalId: $id, version: $v) { version } }';
const LICENSE = `mutation($input: CreateLicenseInput!) {
  createLicense(input: $input) { externalId type validFrom validTo capacity { vmBackup vmReplica server workstation points instances }
    server { externalId } tenant { externalId } } }`;
const CHANGE = `mutation($id: String!, $input: UpdateLicenseInput!) {
  updateLicense(externalId: $id, input: $input) { type validFrom validTo capacity { vmBackup instances } server { externalId } tenant { externalId } } }`;

const spLicense = (externalId: string, capacity: Record<string, number>) => ({
  externalId,
  serverExternalId: 'acme-cc',
  type: 'CLOUD_CONNECT_SP',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  capacity,
});

describe.each(DATABASE_KINDS)('backup servers and licenses (%s)', (kind) => {
  let api: TestApi;
  let spAdmin: string;
  let spViewer: string;
  let alphaAdmin: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    await api.import(twoTenantScenario());
    spAdmin = await api.key('sp-admin');
    spViewer = await api.key('sp-viewer');
    alphaAdmin = await api.key('tenant-admin', 'alpha');
  });
  afterAll(() => api.close());

  it('creates SP and tenant servers, audited, bumping the estate version', async () => {
    const before = await snapshot(api);
    const sp = await api.gql(SERVER, { input: { externalId: 'acme-cc2', version: '12.0.0.1420' } }, spAdmin);
    expect(sp.data).toEqual({
      createBackupServer: { externalId: 'acme-cc2', version: '12.0.0.1420', tenant: null, licenses: [] },
    });
    const tenant = await api.gql(
      SERVER,
      { input: { externalId: 'alpha-vbr2', version: '9.5.4.2615', tenantExternalId: 'alpha' } },
      spAdmin,
    );
    expect(tenant.data).toMatchObject({ createBackupServer: { tenant: { externalId: 'alpha' } } });
    const upgraded = await api.gql(UPGRADE, { id: 'alpha-vbr2', v: '12.0.0.1420' }, spAdmin);
    expect(upgraded.data).toEqual({ updateBackupServer: { version: '12.0.0.1420' } });
    const after = await snapshot(api);
    expect(after.backup_servers).toBe(before.backup_servers! + 2);
    expect(after.audit_log).toBe(before.audit_log! + 3);
    expect(after.estate_version).toBe(before.estate_version! + 3);
    expect(await lastAudit(api, 'backup-server.update')).toMatchObject({
      subject: 'backup-server:alpha-vbr2',
    });
  });

  it('refuses bad versions, unknown tenants and duplicate ids, writing nothing', async () => {
    const before = await snapshot(api);
    expectBadInput(
      await api.gql(SERVER, { input: { externalId: 'x', version: '9.5 U4' } }, spAdmin),
      'input.version',
    );
    expectBadInput(await api.gql(UPGRADE, { id: 'acme-cc', v: 'latest' }, spAdmin), 'version');
    const unknown = await api.gql(
      SERVER,
      { input: { externalId: 'x', version: '9.5', tenantExternalId: 'nope' } },
      spAdmin,
    );
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    const dup = await api.gql(SERVER, { input: { externalId: 'beta-vbr', version: '9.5' } }, spAdmin);
    expect(codeOf(dup)).toBe('CONFLICT');
    expect(await snapshot(api)).toEqual(before);
  });

  it('creates a license with the server’s owner, audited', async () => {
    const before = await snapshot(api);
    const res = await api.gql(
      LICENSE,
      {
        input: {
          externalId: 'lic-alpha2',
          serverExternalId: 'alpha-vbr',
          type: 'RENTAL',
          validFrom: '2028-02-29',
          validTo: null,
          capacity: { instances: 25 },
        },
      },
      spAdmin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      createLicense: {
        externalId: 'lic-alpha2',
        type: 'RENTAL',
        validFrom: '2028-02-29',
        validTo: null,
        capacity: {
          vmBackup: null,
          vmReplica: null,
          server: null,
          workstation: null,
          points: null,
          instances: 25,
        },
        server: { externalId: 'alpha-vbr' },
        tenant: { externalId: 'alpha' },
      },
    });
    const after = await snapshot(api);
    expect(after.licenses).toBe(before.licenses! + 1);
    expect(after.estate_version).toBe(before.estate_version! + 1);
    const audit = await lastAudit(api, 'license.create');
    expect(audit).toMatchObject({ subject: 'license:lic-alpha2' });
    expect(audit?.tenant_id).not.toBeNull();
  });

  it('refuses bad dates and capacities with their paths, writing nothing', async () => {
    const before = await snapshot(api);
    const bad = async (input: object, path: string) =>
      expectBadInput(await api.gql(LICENSE, { input }, spAdmin), path);
    await bad({ ...spLicense('l1', { vmBackup: 1 }), validFrom: '2026-02-30' }, 'input.validFrom');
    await bad({ ...spLicense('l1', { vmBackup: 1 }), validTo: '2026-13-01' }, 'input.validTo');
    await bad({ ...spLicense('l1', { vmBackup: 1 }), validTo: '2025-12-31' }, 'input.validTo');
    await bad(spLicense('l1', { vmBackup: -1 }), 'input.capacity.vmBackup');
    // vbr-9.5 SP licenses count per counter, not in points; tenant licenses count instances.
    await bad(spLicense('l1', { points: 100 }), 'input.capacity.points');
    await bad({ ...spLicense('l1', { vmBackup: 5 }), type: 'PERPETUAL' }, 'input.capacity.vmBackup');
    const dup = await api.gql(LICENSE, { input: spLicense('lic-cc', { vmBackup: 1 }) }, spAdmin);
    expect(codeOf(dup)).toBe('CONFLICT');
    const noServer = await api.gql(
      LICENSE,
      { input: { ...spLicense('l1', {}), serverExternalId: 'x' } },
      spAdmin,
    );
    expect(codeOf(noServer)).toBe('NOT_FOUND');
    expect(await snapshot(api)).toEqual(before);
  });

  it('updates only the fields given, checking the result whole', async () => {
    const cleared = await api.gql(CHANGE, { id: 'lic-cc', input: { validTo: null } }, spAdmin);
    expect(cleared.data).toMatchObject({ updateLicense: { validFrom: '2026-01-01', validTo: null } });
    const kept = await api.gql(CHANGE, { id: 'lic-cc', input: { validFrom: '2026-02-01' } }, spAdmin);
    expect(kept.data).toMatchObject({
      updateLicense: { type: 'CLOUD_CONNECT_SP', validFrom: '2026-02-01', capacity: { vmBackup: 10 } },
    });
    // A tenant type with the SP capacity kept: refused at the capacity.
    expectBadInput(
      await api.gql(CHANGE, { id: 'lic-cc', input: { type: 'RENTAL' } }, spAdmin),
      'input.capacity.vmBackup',
    );
    // A start after the kept end: refused at the field changed.
    await api.gql(CHANGE, { id: 'lic-alpha', input: { validTo: '2026-12-31' } }, spAdmin);
    expectBadInput(
      await api.gql(CHANGE, { id: 'lic-alpha', input: { validFrom: '2027-01-01' } }, spAdmin),
      'input.validFrom',
    );
    const moved = await api.gql(
      CHANGE,
      { id: 'lic-alpha', input: { serverExternalId: 'beta-vbr' } },
      spAdmin,
    );
    expect(moved.data).toMatchObject({
      updateLicense: { server: { externalId: 'beta-vbr' }, tenant: { externalId: 'beta' } },
    });
    expect(await lastAudit(api, 'license.update')).toMatchObject({ subject: 'license:lic-alpha' });
  });

  it('is all or nothing per request: a server whose license fails is not created', async () => {
    const before = await snapshot(api);
    const both = `mutation($s: CreateBackupServerInput!, $l: CreateLicenseInput!) {
      createBackupServer(input: $s) { externalId } createLicense(input: $l) { externalId } }`;
    const res = await api.gql(
      both,
      { s: { externalId: 'acme-cc3', version: '12.0' }, l: spLicense('lic-cc', { vmBackup: 1 }) },
      spAdmin,
    );
    expect(codeOf(res)).toBe('CONFLICT');
    expect(await snapshot(api)).toEqual(before);
  });

  it('lists every license to SP roles and their own to tenant roles', async () => {
    const LIST =
      '{ licenses(first: 50) { edges { node { externalId server { externalId } tenant { externalId } } } } }';
    type List = {
      licenses: { edges: { node: { externalId: string; tenant: { externalId: string } | null } }[] };
    };
    const sp = await api.gql<List>(LIST, {}, spViewer);
    const spIds = sp.data!.licenses.edges.map((e) => e.node.externalId);
    expect(spIds).toEqual(expect.arrayContaining(['lic-cc', 'lic-beta', 'lic-alpha2']));
    expect(sp.data!.licenses.edges.find((e) => e.node.externalId === 'lic-cc')?.node).toEqual({
      externalId: 'lic-cc',
      server: { externalId: 'acme-cc' },
      tenant: null,
    });
    const alpha = await api.gql<List>(LIST, {}, alphaAdmin);
    expect(alpha.data!.licenses.edges.map((e) => e.node.tenant?.externalId)).toEqual(['alpha']);
    const first = await api.gql<{ licenses: { pageInfo: { endCursor: string; hasNextPage: boolean } } }>(
      '{ licenses(first: 1) { pageInfo { endCursor hasNextPage } } }',
      {},
      spViewer,
    );
    expect(first.data!.licenses.pageInfo.hasNextPage).toBe(true);
    const next = await api.gql<List>(
      'query($a: String) { licenses(first: 50, after: $a) { edges { node { externalId } } } }',
      { a: first.data!.licenses.pageInfo.endCursor },
      spViewer,
    );
    expect(next.data!.licenses.edges.map((e) => e.node.externalId)).toEqual(spIds.slice(1));
  });

  it('shows the service provider with its own servers and licenses to SP roles only', async () => {
    const Q =
      '{ serviceProvider { externalId name ruleset backupServers { externalId version licenses { externalId type } } } }';
    const res = await api.gql(Q, {}, spViewer);
    expect(res.data).toMatchObject({
      serviceProvider: { externalId: 'acme', name: 'Acme Cloud', ruleset: 'VBR_9_5' },
    });
    const servers = (res.data as { serviceProvider: { backupServers: { externalId: string }[] } })
      .serviceProvider.backupServers;
    expect(servers.map((s) => s.externalId)).toEqual(['acme-cc', 'acme-cc2']);
    expect(codeOf(await api.gql(Q, {}, alphaAdmin))).toBe('FORBIDDEN');
    const viewer = await api.gql(
      '{ viewer { serviceProvider { backupServers { externalId } } } }',
      {},
      alphaAdmin,
    );
    expect(viewer.data).toEqual({ viewer: { serviceProvider: { backupServers: [] } } });
  });

  it('lets no SP viewer or tenant admin change servers or licenses', async () => {
    const before = await snapshot(api);
    for (const key of [spViewer, alphaAdmin]) {
      const server = { externalId: 'alpha-vbr9', version: '12.0', tenantExternalId: 'alpha' };
      expect(codeOf(await api.gql(SERVER, { input: server }, key))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(UPGRADE, { id: 'alpha-vbr', v: '12.0' }, key))).toBe('FORBIDDEN');
      const license = { ...spLicense('lic-x', {}), serverExternalId: 'alpha-vbr', type: 'RENTAL' };
      expect(codeOf(await api.gql(LICENSE, { input: license }, key))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(CHANGE, { id: 'lic-alpha2', input: { validTo: null } }, key))).toBe(
        'FORBIDDEN',
      );
    }
    expect(await snapshot(api)).toEqual(before);
  });
});
