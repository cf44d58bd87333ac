/** URL spelling of the filters (`?counter=vm-backup&status=new`), as in the contracts' JSON. */
export const COUNTER_FILTERS = [
  'vm-backup',
  'vm-replica',
  'server',
  'workstation',
  'tenant-license',
] as const;
export const STATUS_FILTERS = ['used', 'new', 'rental'] as const;
export type CounterFilter = (typeof COUNTER_FILTERS)[number];
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface MachineFilter {
  counter: CounterFilter | null;
  status: StatusFilter | null;
}

export const COUNTER_FILTER_LABEL: Record<CounterFilter, string> = {
  'vm-backup': 'VM backup',
  'vm-replica': 'VM replica',
  server: 'Server agent',
  workstation: 'Workstation agent',
  'tenant-license': 'Tenant license',
};

function pick<T extends string>(allowed: readonly T[], raw: string | string[] | undefined): T | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return allowed.includes(value as T) ? (value as T) : null;
}

export function parseMachineFilter(params: Record<string, string | string[] | undefined>): MachineFilter {
  return { counter: pick(COUNTER_FILTERS, params.counter), status: pick(STATUS_FILTERS, params.status) };
}

export function isFiltered(filter: MachineFilter): boolean {
  return filter.counter !== null || filter.status !== null;
}
