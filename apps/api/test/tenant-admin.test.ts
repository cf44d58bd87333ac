/**
 * Tenant configuration through the API: SP admins create and change tenants, each change audited
 * and bumping the estate version in the request's transaction; nothing else may, and a failing
 * request writes nothing.
 */
import { DATABASE_KINDS } from '@vcc/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoTenantScenario } from '../../../packages/db/test/support/two-tenants.js';
import { codeOf, expectBadInput, lastAudit, snapshot } from './support/admin-support.js';
import { startTestApi, type TestApi } from './support/test-api.js';

const PLAN = { vmBackup: 5, vmReplica: 1, server: 2, workstation: 0, vms: 6 };
const CREATE = `mutation($input: CreateTenantInput!) {
  createTenant(input: $input) { externalId name enabled managedBySp plan { vmBackup vmReplica server workstation vms } } }`;
const UPDATE = `mutation($id: String!, $input: UpdateTenantInput!) {
  updateTenant(externalId: $id, input: $input) { name managedBySp plan { vmBackup vms } } }`;
const ENABLE =
  'mutation($id: String!, $on: Boolean!) { setTenantEnabled(externalId: $id, enabled: $on) { enabled } }';
const PLAN_OF = `mutation($id: String!, $plan: PlanInput!) {
  updateTenantPlan(externalId: $id, plan: $plan) { plan { vmBackup vmReplica server workstation vms } } }`;

describe.each(DATABASE_KINDS)('tenant configuration (%s)', (kind) => {
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

  it('creates a tenant, audited, and bumps the estate version', async () => {
    const before = await snapshot(api);
    const input = { externalId: 'gamma', name: 'Gamma plc', enabled: true, managedBySp: true, plan: PLAN };
    const res = await api.gql(CREATE, { input }, spAdmin);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ createTenant: { ...input, plan: PLAN } });
    const after = await snapshot(api);
    expect(after.tenants).toBe(before.tenants! + 1);
    expect(after.audit_log).toBe(before.audit_log! + 1);
    expect(after.estate_version).toBe(before.estate_version! + 1);
    expect(await lastAudit(api, 'tenant.create')).toMatchObject({ subject: 'tenant:gamma' });
  });

  it('answers a duplicate external id with CONFLICT and writes nothing', async () => {
    const before = await snapshot(api);
    const input = { externalId: 'alpha', name: 'Again', enabled: true, managedBySp: false, plan: PLAN };
    expect(codeOf(await api.gql(CREATE, { input }, spAdmin))).toBe('CONFLICT');
    expect(await snapshot(api)).toEqual(before);
  });

  it('is all or nothing per request: a later failing mutation undoes an earlier one', async () => {
    const before = await snapshot(api);
    const both = `mutation($a: CreateTenantInput!, $b: CreateTenantInput!) {
      first: createTenant(input: $a) { externalId } second: createTenant(input: $b) { externalId } }`;
    const a = { externalId: 'delta', name: 'Delta', enabled: true, managedBySp: false, plan: PLAN };
    const b = { ...a, name: 'Delta again' };
    const res = await api.gql(both, { a, b }, spAdmin);
    expect(codeOf(res)).toBe('CONFLICT');
    expect(await snapshot(api)).toEqual(before);
    const look = await api.gql('{ tenant(externalId: "delta") { externalId } }', {}, spAdmin);
    expect(look.data).toEqual({ tenant: null });
  });

  it('refuses bad input with the path of every problem', async () => {
    const before = await snapshot(api);
    const input = {
      externalId: ' ',
      name: 'X',
      enabled: true,
      managedBySp: false,
      plan: { ...PLAN, vms: -1 },
    };
    const res = await api.gql(CREATE, { input }, spAdmin);
    expectBadInput(res, 'input.externalId');
    expectBadInput(res, 'input.plan.vms');
    expectBadInput(
      await api.gql(PLAN_OF, { id: 'alpha', plan: { ...PLAN, server: -2 } }, spAdmin),
      'plan.server',
    );
    expect(await snapshot(api)).toEqual(before);
  });

  it('updates only the fields given, and audits each change', async () => {
    const before = await snapshot(api);
    const res = await api.gql(UPDATE, { id: 'alpha', input: { name: 'Alpha Group' } }, spAdmin);
    expect(res.data).toEqual({
      updateTenant: { name: 'Alpha Group', managedBySp: false, plan: { vmBackup: 2, vms: 0 } },
    });
    const off = await api.gql(ENABLE, { id: 'alpha', on: false }, spAdmin);
    expect(off.data).toEqual({ setTenantEnabled: { enabled: false } });
    await api.gql(ENABLE, { id: 'alpha', on: true }, spAdmin);
    const plan = await api.gql(PLAN_OF, { id: 'alpha', plan: PLAN }, spAdmin);
    expect(plan.data).toEqual({ updateTenantPlan: { plan: PLAN } });
    const after = await snapshot(api);
    expect(after.audit_log).toBe(before.audit_log! + 4);
    expect(after.estate_version).toBe(before.estate_version! + 4);
    expect(await lastAudit(api, 'tenant.disable')).toMatchObject({ subject: 'tenant:alpha' });
    expect(await lastAudit(api, 'tenant.plan')).toMatchObject({ subject: 'tenant:alpha' });
  });

  it('answers an unknown tenant with NOT_FOUND', async () => {
    expect(codeOf(await api.gql(ENABLE, { id: 'nobody', on: true }, spAdmin))).toBe('NOT_FOUND');
  });

  it('lets no SP viewer or tenant admin change a tenant, not even its own plan', async () => {
    const before = await snapshot(api);
    const input = { externalId: 'eps', name: 'Eps', enabled: true, managedBySp: false, plan: PLAN };
    for (const key of [spViewer, alphaAdmin]) {
      expect(codeOf(await api.gql(CREATE, { input }, key))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(UPDATE, { id: 'alpha', input: { name: 'Mine' } }, key))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(ENABLE, { id: 'alpha', on: false }, key))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(PLAN_OF, { id: 'alpha', plan: PLAN }, key))).toBe('FORBIDDEN');
    }
    expect(await snapshot(api)).toEqual(before);
  });
});
