/**
 * A synthetic SP estate with the variety the rules care about: tenants on perpetual, subscription,
 * rental and hosting (managed) licenses, VMs and agents of both editions and operating systems,
 * backups, replicas and local jobs, machines that start part-way (new machines), some tenants over
 * their capacity. Everything derives from a seed, so the same arguments make the same estate.
 */
import type { LicenseType, MachineKind, Operation } from '@vcc/rules';
import { addMonths, DAY_MS, monthStart } from '@vcc/rules';
import { type Random, seededRandom } from './random.js';

export interface SyntheticOptions {
  spExternalId: string;
  tenants: number;
  machines: number;
  months: number;
  /** The last month with restore points (`YYYY-MM`); restore points stop at `until` within it. */
  lastMonth: string;
  /** No restore point at or after this instant (ms): the estate does not run into the future. */
  until?: number;
  seed?: number;
}

export interface SyntheticTenant {
  externalId: string;
  name: string;
  managedBySp: boolean;
  licenseType: LicenseType;
  capacity: number;
  serverVersion: string;
  plan: { vmBackup: number; vmReplica: number; server: number; workstation: number; vms: number };
  machines: SyntheticMachine[];
}

export interface SyntheticMachine {
  externalId: string;
  kind: MachineKind;
  agentOs: 'windows' | 'linux' | null;
  agentVersion: string | null;
  /** First day (epoch day) the machine is protected; daily points from then on. */
  startDay: number;
  operations: Operation[];
  /** Minutes after midnight of its daily job. */
  minuteOfDay: number;
}

const NAMES = [
  'Alpine',
  'Birch',
  'Cobalt',
  'Delta',
  'Ember',
  'Fjord',
  'Granite',
  'Harbor',
  'Iris',
  'Juniper',
  'Kestrel',
  'Lumen',
];
const SUFFIXES = ['Ltd', 'GmbH', 'SA', 'Inc', 'BV', 'AB', 'Oy', 'SpA'];
const SERVER_VERSIONS = ['12.0.0.1420', '10.0.0.4461', '9.5.4.2615', '9.5.0.1536', '9.5.0.1038'];

export function firstMonth(options: SyntheticOptions): string {
  return addMonths(options.lastMonth, -(options.months - 1));
}

export function* syntheticTenants(options: SyntheticOptions): Generator<SyntheticTenant> {
  const random = seededRandom(options.seed ?? 1);
  const startDay = monthStart(firstMonth(options)) / DAY_MS;
  const endDay = monthStart(addMonths(options.lastMonth, 1)) / DAY_MS;
  let machineNo = 0;
  for (let t = 0; t < options.tenants; t++) {
    // Spread machines evenly, the remainder to the first tenants.
    const count =
      Math.floor(options.machines / options.tenants) + (t < options.machines % options.tenants ? 1 : 0);
    const managedBySp = random.chance(0.1);
    const licenseType: LicenseType = managedBySp
      ? 'hosting'
      : random.pick(['perpetual', 'perpetual', 'subscription', 'rental', 'rental', 'evaluation'] as const);
    const machines: SyntheticMachine[] = [];
    for (let i = 0; i < count; i++)
      machines.push(syntheticMachine(random, `m-${++machineNo}`, startDay, endDay));
    const plan = planFor(machines, random);
    yield {
      externalId: `t-${t + 1}`,
      name: `${NAMES[t % NAMES.length]} ${SUFFIXES[Math.floor(t / NAMES.length) % SUFFIXES.length]}${t >= NAMES.length * SUFFIXES.length ? ` ${t + 1}` : ''}`,
      managedBySp,
      licenseType,
      // Most tenants fit their license; some run over it, into grace or beyond.
      capacity: Math.max(1, Math.round(count * random.pick([1.5, 1.2, 1.1, 1.0, 0.9]))),
      serverVersion: random.chance(0.85) ? SERVER_VERSIONS[random.int(3)]! : random.pick(SERVER_VERSIONS),
      plan,
      machines,
    };
  }
}

function syntheticMachine(
  random: Random,
  externalId: string,
  firstDay: number,
  endDay: number,
): SyntheticMachine {
  const roll = random.next();
  const kind: MachineKind = roll < 0.7 ? 'vm' : roll < 0.9 ? 'server' : 'workstation';
  const agentOs = kind === 'vm' ? null : random.chance(0.7) ? 'windows' : 'linux';
  const agentVersion =
    agentOs === 'windows'
      ? random.pick(['6.0.0.959', '5.0.0.4301', '2.1.0.423', '2.0.0.700'])
      : agentOs
        ? random.pick(['6.0.0.1060', '4.0.0.1961', '2.0.0.400', '1.0.1.364'])
        : null;
  const operations: Operation[] = [random.chance(0.9) ? 'cloud-backup' : 'cloud-backup-copy'];
  if (kind === 'vm' && random.chance(0.2)) operations.push('cloud-replica');
  if (random.chance(0.3)) operations.push('local-backup');
  // A quarter of the machines join part-way through, so that months have new machines.
  const span = endDay - firstDay;
  const startDay = random.chance(0.25) ? firstDay + random.int(span) : firstDay;
  return {
    externalId,
    kind,
    agentOs,
    agentVersion,
    startDay,
    operations,
    minuteOfDay: 1 + random.int(24 * 60 - 1),
  };
}

function planFor(machines: SyntheticMachine[], random: Random): SyntheticTenant['plan'] {
  const count = (k: MachineKind) => machines.filter((m) => m.kind === k).length;
  const vms = count('vm');
  const margin = () => random.pick([0, 1, 2, 5]);
  return {
    vmBackup: vms + margin(),
    vmReplica: machines.filter((m) => m.operations.includes('cloud-replica')).length + margin(),
    server: count('server') + margin(),
    workstation: count('workstation'),
    vms: vms + margin(),
  };
}

/** Every restore point of a machine, one per operation per day from its start to the end. */
export function* machineRestorePoints(
  machine: SyntheticMachine,
  options: SyntheticOptions,
): Generator<{ operation: Operation; at: number }> {
  const endDay = monthStart(addMonths(options.lastMonth, 1)) / DAY_MS;
  const until = options.until ?? Number.POSITIVE_INFINITY;
  for (let day = machine.startDay; day < endDay; day++) {
    const at = day * DAY_MS + machine.minuteOfDay * 60_000;
    if (at >= until) return;
    for (const operation of machine.operations) yield { operation, at };
  }
}
