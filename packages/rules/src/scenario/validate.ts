/**
 * Cross-reference checks of a scenario: what the schema cannot see one object at a time (duplicate
 * ids, unknown machines and servers, replicas of agent machines, license periods and capacity keys).
 *
 * It reads the raw input defensively, so that it also runs when the schema has found problems
 * elsewhere and every problem of a file is reported at once. Values of the wrong type are skipped here
 * (the schema reports them); a reference is only called unknown when every id it could name is readable.
 */
import {
  COUNTERS,
  type Counter,
  LICENSE_TYPES,
  type LicenseType,
  OPERATIONS,
  type RulesetId,
} from '../model.js';
import { type ScenarioError, type ScenarioPath, scenarioError, showList } from './errors.js';
import { isScenarioDate } from './formats.js';

type Obj = Record<string, unknown>;
type Path = readonly (string | number)[];

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function items(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function objects(value: unknown, path: Path): { obj: Obj; path: Path }[] {
  return items(value).flatMap((item, i) => (isObj(item) ? [{ obj: item, path: [...path, i] }] : []));
}

function idOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function has(obj: Obj, key: string): boolean {
  return Object.hasOwn(obj, key);
}

const CAPACITY_KEYS = ['vm-backup', 'vm-replica', 'server', 'workstation', 'points', 'instances'] as const;
const AGENT_KINDS = new Set(['server', 'workstation']);

/** The capacity keys a license may carry, or `null` when that cannot be told (unknown ruleset or type). */
export function capacityKeysFor(type: LicenseType, ruleset: RulesetId | undefined): readonly string[] | null {
  if (type !== 'cloud-connect-sp') return ['instances'];
  if (ruleset === 'vbr-9.5') return COUNTERS satisfies readonly Counter[];
  if (ruleset === 'vcsp-points') return ['points'];
  return null;
}

/** Ids seen so far of one kind; a repeat is an error at its own path naming the first one. */
class Registry {
  private readonly seen = new Map<string, string>();
  constructor(
    private readonly errors: ScenarioError[],
    private readonly what: string,
    private readonly where = '',
  ) {}
  add(id: string | undefined, path: ScenarioPath): void {
    if (id === undefined) return;
    const first = this.seen.get(id);
    const here = scenarioError(path, '').path;
    if (first === undefined) this.seen.set(id, here);
    else
      this.errors.push({
        path: here,
        message: `duplicate ${this.what} ${JSON.stringify(id)}${this.where} (first at ${first})`,
      });
  }
}

/** Who a backup server belongs to: the service provider, or the tenant at index `tenant`. */
type ServerOwner = { sp: true } | { sp: false; tenant: number; tenantId: string | undefined };

function tenantName(id: string | undefined, index: number): string {
  return id === undefined ? `tenants[${index}]` : `tenant ${JSON.stringify(id)}`;
}

export function validateScenario(input: unknown): ScenarioError[] {
  const errors: ScenarioError[] = [];
  if (!isObj(input)) return errors;
  const ruleset = (['vbr-9.5', 'vcsp-points'] as const).find((r) => r === input.ruleset);

  // Months listed twice.
  const months = new Registry(errors, 'month');
  items(input.months).forEach((m, i) => {
    months.add(typeof m === 'string' ? m : undefined, ['months', i]);
  });

  // Backup servers and licenses, across the whole estate.
  const serverIds = new Registry(errors, 'backup server id');
  const licenseIds = new Registry(errors, 'license id');
  const owners = new Map<string, ServerOwner>();
  const checkServers = (list: unknown, path: Path, owner: ServerOwner): boolean => {
    let readable = true;
    for (const { obj: server, path: serverPath } of objects(list, path)) {
      const id = idOf(server.id);
      if (id === undefined) readable = false;
      serverIds.add(id, [...serverPath, 'id']);
      if (id !== undefined && !owners.has(id)) owners.set(id, owner);
      for (const { obj: license, path: licensePath } of objects(server.licenses, [
        ...serverPath,
        'licenses',
      ])) {
        licenseIds.add(idOf(license.id), [...licensePath, 'id']);
        checkLicense(license, licensePath, ruleset, errors);
      }
    }
    return readable && items(list).every(isObj);
  };

  const sp = isObj(input.serviceProvider) ? input.serviceProvider : {};
  const spServersReadable = checkServers(sp.backupServers, ['serviceProvider', 'backupServers'], {
    sp: true,
  });

  const tenants = objects(input.tenants, ['tenants']);
  const tenantIds = new Registry(errors, 'tenant id');
  const tenantServersReadable = tenants.map(({ obj: tenant, path }) => {
    const tenantId = idOf(tenant.id);
    tenantIds.add(tenantId, [...path, 'id']);
    const index = path[path.length - 1] as number;
    return checkServers(tenant.backupServers, [...path, 'backupServers'], {
      sp: false,
      tenant: index,
      tenantId,
    });
  });

  tenants.forEach(({ obj: tenant, path }, t) => {
    const tenantId = idOf(tenant.id);
    const index = path[path.length - 1] as number;
    const inTenant = `in ${tenantName(tenantId, index)}`;

    // Machines: unique ids, agents exactly for agent machines.
    const machineIds = new Registry(errors, 'machine id', ` ${inTenant}`);
    const kinds = new Map<string, unknown>();
    let machinesReadable = items(tenant.machines).every(isObj);
    for (const { obj: machine, path: machinePath } of objects(tenant.machines, [...path, 'machines'])) {
      const id = idOf(machine.id);
      if (id === undefined) machinesReadable = false;
      machineIds.add(id, [...machinePath, 'id']);
      if (id !== undefined && !kinds.has(id)) kinds.set(id, machine.kind);
      const kind = machine.kind;
      if (typeof kind !== 'string') continue;
      if (AGENT_KINDS.has(kind) && !has(machine, 'agent'))
        errors.push(
          scenarioError(
            [...machinePath, 'agent'],
            `missing; a ${kind} machine needs its agent: { "os", "version" }`,
          ),
        );
      if (kind === 'vm' && has(machine, 'agent'))
        errors.push(
          scenarioError(
            [...machinePath, 'agent'],
            'a vm has no agent; only server and workstation machines have one',
          ),
        );
    }

    // Restore points: known machine, a server of this tenant or of the SP, no replica of an agent machine.
    const serversReadable = spServersReadable && tenantServersReadable[t] === true;
    for (const { obj: rp, path: rpPath } of objects(tenant.restorePoints, [...path, 'restorePoints'])) {
      const machine = idOf(rp.machine);
      if (machine !== undefined && !kinds.has(machine) && machinesReadable)
        errors.push(
          scenarioError([...rpPath, 'machine'], `unknown machine ${JSON.stringify(machine)} ${inTenant}`),
        );

      const server = idOf(rp.server);
      if (server !== undefined) {
        const owner = owners.get(server);
        if (owner !== undefined && !owner.sp && owner.tenant !== index)
          errors.push(
            scenarioError(
              [...rpPath, 'server'],
              `backup server ${JSON.stringify(server)} belongs to ${tenantName(owner.tenantId, owner.tenant)}, not to ${tenantName(tenantId, index)}`,
            ),
          );
        else if (owner === undefined && serversReadable)
          errors.push(
            scenarioError(
              [...rpPath, 'server'],
              `unknown backup server ${JSON.stringify(server)}: neither a backup server of ${tenantName(tenantId, index)} nor one of the service provider`,
            ),
          );
      }

      const operation = rp.operation;
      const kind = machine === undefined ? undefined : kinds.get(machine);
      if (
        typeof operation === 'string' &&
        (OPERATIONS as readonly string[]).includes(operation) &&
        operation.endsWith('-replica') &&
        typeof kind === 'string' &&
        AGENT_KINDS.has(kind)
      )
        errors.push(
          scenarioError(
            [...rpPath, 'operation'],
            `${JSON.stringify(operation)} of ${kind} machine ${JSON.stringify(machine)}: only VMs can be replicated`,
          ),
        );
    }
  });

  return errors;
}

function checkLicense(
  license: Obj,
  path: Path,
  ruleset: RulesetId | undefined,
  errors: ScenarioError[],
): void {
  const { validFrom, validTo, type, capacity } = license;
  if (
    typeof validFrom === 'string' &&
    typeof validTo === 'string' &&
    isScenarioDate(validFrom) &&
    isScenarioDate(validTo) &&
    validTo < validFrom
  )
    errors.push(scenarioError([...path, 'validTo'], `validTo ${validTo} is before validFrom ${validFrom}`));

  const licenseType = LICENSE_TYPES.find((t) => t === type);
  if (licenseType === undefined || !isObj(capacity)) return;
  const allowed = capacityKeysFor(licenseType, ruleset);
  if (allowed === null) return;
  for (const key of Object.keys(capacity)) {
    if (!(CAPACITY_KEYS as readonly string[]).includes(key) || allowed.includes(key)) continue;
    const what =
      licenseType === 'cloud-connect-sp'
        ? `a cloud-connect-sp license under ruleset ${ruleset}`
        : `a ${licenseType} license (a tenant license counts instances)`;
    errors.push(
      scenarioError(
        [...path, 'capacity', key],
        `${JSON.stringify(key)} does not apply to ${what}; use ${showList(allowed)}`,
      ),
    );
  }
}
